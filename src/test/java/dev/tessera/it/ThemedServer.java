package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A second Tessera for BrowserPagesIT, started as its own Payara Micro with {@code TESSERA_THEME_DIR} set to a
 * copy of docs/sample-theme with broken parts added, plus the help, support and password-reset settings.
 * In-memory H2 in both passes: the theme is what is under test.
 */
final class ThemedServer {
    static final String HELP = "https://intranet.example.com/help";
    static final String SUPPORT = "+1 555 0100";
    static final String RESET = "https://intranet.example.com/reset";
    static final String CLIENT_LOGO = "https://localhost:1/themed-app-logo.png";
    static final Path BASEDIR = Path.of(System.getProperty("project.basedir", "."));

    private ThemedServer() {
    }

    static PayaraMicroProcess start(Path theme) throws IOException, InterruptedException {
        PayaraMicroProcess server = PayaraMicroProcess.start("sample-theme", BASEDIR.resolve("src/test/resources/payara/h2-mem.asadmin"),
                Map.of("TESSERA_THEME_DIR", theme.toString(), "TESSERA_BOOTSTRAP_ADMIN_SECRET", Admin.SECRET,
                        "TESSERA_UI_HELP_URL", HELP, "TESSERA_UI_SUPPORT_CONTACT", SUPPORT, "TESSERA_LOGIN_RESET_URL", RESET),
                Duration.ofSeconds(180));
        server.await("/health/ready", r -> r.statusCode() == 200, Duration.ofSeconds(120));
        return server;
    }

    /** docs/sample-theme copied under target/, plus one broken part of each kind; returns the copy. */
    static Path brokenSampleTheme() throws IOException {
        Path sample = BASEDIR.resolve("docs/sample-theme");
        Path theme = Files.createTempDirectory(Files.createDirectories(BrowserPagesIT.TARGET.toAbsolutePath()), "it-theme");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = theme.resolve(sample.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Files.writeString(theme.resolve("theme.properties"), Files.readString(theme.resolve("theme.properties"))
                .replace("favicon=favicon.svg", "favicon=missing.ico"));
        Files.writeString(theme.resolve("slots/sidebar.xhtml"), "<ui:composition xmlns:ui=\"jakarta.faces.facelets\"/>\n");
        Files.writeString(theme.resolve("slots/help.xhtml"), "<ui:composition xmlns:ui=\"jakarta.faces.facelets\">\n<p>Call us\n</ui:composition>\n");
        Files.writeString(theme.resolve("messages_fr.properties"), "# French\nlogin.titel=Connexion chez Example Corp\n");
        return theme;
    }

    /** Each broken part is in the log with its file and line, once, at start-up. */
    static void assertProblemsLogged(PayaraMicroProcess server, Path theme) {
        String log = server.log();
        assertThat(log).contains("Theme problem: " + theme.resolve("slots/sidebar.xhtml") + ":1: unknown slot 'sidebar'")
                .contains("Theme problem: " + theme.resolve("slots/help.xhtml") + ":3: not well-formed XML")
                .contains("Theme problem: " + theme.resolve("messages_fr.properties") + ":2: unknown message key 'login.titel'")
                .contains("Theme problem: " + theme.resolve("theme.properties") + ":4: favicon names 'missing.ico'")
                .contains("(contract version 1, assets ");
    }

    /** The stylesheet's URL carries the content hash and is cached for a year; another hash is not found. */
    static void assertAssetsAreImmutableByHash(String base, WebDriver driver) {
        String css = driver.findElement(By.id("t-theme-css")).getDomAttribute("href");
        assertThat(css).matches("/theme/[0-9a-f]{16}/theme\\.css");
        HttpResponse<String> asset = Http.send(Http.request(base, css).GET());
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(asset.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(asset.body()).contains("--t-primary: #1f6f43");
        assertThat(Http.send(Http.request(base, "/theme/0000000000000000/theme.css").GET()).statusCode()).isEqualTo(404);
        assertThat(driver.findElements(By.cssSelector("link[rel=icon]"))).as("the favicon named a missing file").isEmpty();
    }
}
