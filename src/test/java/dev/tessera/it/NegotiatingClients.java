package dev.tessera.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The two native Negotiate clients of LdapSignInIT: curl with a kinit ticket, and Debian's Chromium with one. */
final class NegotiatingClients {
    private static final Path TARGET = Path.of(System.getProperty("project.build.directory", "target"));

    private NegotiatingClients() {
    }

    /** @param location the last Location header; @param statuses every status line curl received, in order */
    record CurlRun(String location, List<String> statuses) {
    }

    /**
     * {@code curl --negotiate -u :} from {@code url}, following redirects (cookies kept) until the one to the client,
     * whose host resolves to a closed loopback port; the last {@code Location} header received.
     */
    static CurlRun curlToClient(Path ticketCache, String url, String clientHost) throws IOException, InterruptedException {
        Path headers = KerberosRealm.DIR.resolve("curl-" + System.nanoTime() + ".headers");
        Path jar = KerberosRealm.DIR.resolve("curl-" + System.nanoTime() + ".cookies");
        List<String> command = List.of("curl", "-s", "-o", "/dev/null", "-D", headers.toString(), "-c", jar.toString(), "-b", jar.toString(),
                "-L", "--max-redirs", "10", "--negotiate", "-u", ":", "--resolve", clientHost + ":443:127.0.0.1", "--connect-timeout", "5", url);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(KerberosRealm.environment(ticketCache));
        Process curl = builder.start();
        curl.getInputStream().readAllBytes();
        if (!curl.waitFor(60, TimeUnit.SECONDS)) {
            curl.destroyForcibly();
            throw new AssertionError("curl did not finish");
        }
        String dump = Files.readString(headers);
        String location = null;
        List<String> statuses = new ArrayList<>();
        for (String line : dump.split("\r\n")) {
            if (line.startsWith("HTTP/")) {
                statuses.add(line.strip());
            } else if (line.toLowerCase(Locale.ROOT).startsWith("location:")) {
                location = line.substring("location:".length()).strip();
            }
        }
        if (location == null) {
            throw new AssertionError("curl saw no redirect: " + statuses + "\n" + dump);
        }
        return new CurlRun(location, statuses);
    }

    /** Headless Chromium that answers Negotiate for localhost with the ticket in {@code ticketCache}. */
    static WebDriver chromium(Path ticketCache) throws IOException {
        BrowserPagesIT.QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        Path profile = Files.createTempDirectory(Files.createDirectories(TARGET.resolve("chromium-profiles")), "kerberos");
        ChromeOptions options = new ChromeOptions().setBinary(BrowserPagesIT.CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--auth-server-allowlist=localhost");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(BrowserPagesIT.CHROMEDRIVER.toFile())
                .usingAnyFreePort().withEnvironment(Map.copyOf(KerberosRealm.environment(ticketCache)))
                .withLogFile(TARGET.resolve("chromedriver-kerberos.log").toFile()).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    static boolean chromiumInstalled() {
        return Files.isExecutable(BrowserPagesIT.CHROMIUM) && Files.isExecutable(BrowserPagesIT.CHROMEDRIVER);
    }
}
