package dev.tessera.web.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample theme loads without a problem; each broken part is reported with file and line and left out. */
class ThemeLoaderTest {
    static final Path SAMPLE = Path.of(System.getProperty("project.basedir", "."), "docs", "sample-theme");
    static final Set<String> LANGUAGES = Set.copyOf(ThemeContract.LANGUAGES);

    @TempDir
    Path dir;

    @Test
    void theSampleThemeLoadsCompletely() {
        Theme theme = new ThemeLoader(Themes.knownKeys(), LANGUAGES).load(SAMPLE);

        assertThat(theme.problems()).isEmpty();
        assertThat(theme.url(Theme.STYLESHEET)).isEqualTo("/theme/" + theme.hash() + "/theme.css");
        assertThat(theme.url(Theme.LOGO)).endsWith("/logo.svg");
        assertThat(theme.asset(theme.hash(), "logo.svg")).hasValueSatisfying(a -> assertThat(a.contentType()).isEqualTo("image/svg+xml"));
        assertThat(theme.asset("0000000000000000", "logo.svg")).as("another hash is another theme").isEmpty();
        assertThat(theme.slots()).containsOnlyKeys("footer");
        assertThat(theme.message("de", "login.title")).isEqualTo("Bei Example Corp anmelden");
        assertThat(theme.message("fr", "page.brand")).as("the all-languages file").isEqualTo("Example Corp");
        assertThat(theme.message("fr", "login.title")).as("not overridden: the built-in text").isNull();
    }

    @Test
    void theHashChangesWithAnyAssetsContent() throws IOException {
        copySample();
        String before = new ThemeLoader(Themes.knownKeys(), LANGUAGES).load(dir).hash();
        Files.writeString(dir.resolve("theme.css"), "\n/* changed */", java.nio.file.StandardOpenOption.APPEND);

        assertThat(new ThemeLoader(Themes.knownKeys(), LANGUAGES).load(dir).hash()).isNotEqualTo(before).hasSize(16);
    }

    @Test
    void everyBrokenPartIsReportedWithFileAndLineAndLeftOut() throws IOException {
        copySample();
        Files.writeString(dir.resolve("theme.properties"), "stylesheet=theme.css\nlogo=missing.png\ncolour=red\n");
        Files.writeString(dir.resolve("messages.properties"), "page.brand=Example\n# a comment\nlogin.titel=Typo\n");
        Files.writeString(dir.resolve("messages_it.properties"), "login.title=Accedi\n");
        Files.writeString(dir.resolve("notes.txt"), "x");
        Files.writeString(dir.resolve("slots/sidebar.xhtml"), "<ui:composition xmlns:ui=\"jakarta.faces.facelets\"/>");
        Files.writeString(dir.resolve("slots/body.xhtml"), "<ui:composition xmlns:ui=\"jakarta.faces.facelets\"/>");
        Files.writeString(dir.resolve("slots/help.xhtml"), "<ui:composition xmlns:ui=\"jakarta.faces.facelets\">\n<p>\n</ui:composition>");
        Files.writeString(dir.resolve("slots/brand.xhtml"), "<ui:composition xmlns:ui=\"jakarta.faces.facelets\">\n\n"
                + "<p>#{msg['no.such.key']} #{login.password}</p>\n</ui:composition>");
        Files.writeString(dir.resolve("slots/header.xhtml"), "<ui:composition xmlns=\"http://www.w3.org/1999/xhtml\" "
                + "xmlns:ui=\"jakarta.faces.facelets\" xmlns:h=\"jakarta.faces.html\">\n<h:form><h:commandButton/></h:form>\n</ui:composition>");

        Theme theme = new ThemeLoader(Themes.knownKeys(), LANGUAGES).load(dir);

        assertThat(theme.problems()).anySatisfy(p -> assertThat(p).startsWith(dir.resolve("theme.properties") + ":2: logo names 'missing.png'"))
                .anySatisfy(p -> assertThat(p).startsWith(dir.resolve("theme.properties") + ":3: unknown setting 'colour'"))
                .anySatisfy(p -> assertThat(p).startsWith(dir.resolve("messages.properties") + ":3: unknown message key 'login.titel'"))
                .anySatisfy(p -> assertThat(p).startsWith(dir.resolve("messages_it.properties") + ":1: the pages have no language 'it'"))
                .anySatisfy(p -> assertThat(p).startsWith(dir.resolve("notes.txt") + ":1: not part of a theme"))
                .anySatisfy(p -> assertThat(p).startsWith(dir.resolve("slots/sidebar.xhtml") + ":1: unknown slot 'sidebar'"))
                .anySatisfy(p -> assertThat(p).startsWith(dir.resolve("slots/body.xhtml") + ":1: unknown slot 'body'"))
                .anySatisfy(p -> assertThat(p).startsWith(dir.resolve("slots/help.xhtml") + ":3: not well-formed XML"))
                .anySatisfy(p -> assertThat(p).startsWith(dir.resolve("slots/brand.xhtml") + ":3: unknown message key 'no.such.key'"))
                .anySatisfy(p -> assertThat(p).startsWith(dir.resolve("slots/brand.xhtml") + ":3: the expression #{login.password} uses 'login'"))
                .anySatisfy(p -> assertThat(p).startsWith(dir.resolve("slots/header.xhtml") + ":2: <h:form> is not allowed"));
        assertThat(theme.slots()).as("only the sample's valid footer survives").containsOnlyKeys("footer");
        assertThat(theme.roles()).containsOnlyKeys(Theme.STYLESHEET);
        assertThat(theme.message("en", "page.brand")).isEqualTo("Example");
        assertThat(theme.message("en", "login.titel")).isNull();
        assertThat(theme.messages()).doesNotContainKey("it");
        assertThat(theme.assets()).doesNotContainKey("notes.txt");
    }

    @Test
    void aMissingDirectoryIsReportedAndTheBuiltInLookStays() {
        Theme theme = new ThemeLoader(Themes.knownKeys(), LANGUAGES).load(dir.resolve("nowhere"));

        assertThat(theme.problems()).singleElement().asString().contains("not a directory");
        assertThat(theme.url(Theme.STYLESHEET)).isNull();
        assertThat(theme.slots()).isEmpty();
    }

    private void copySample() throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = dir.resolve(SAMPLE.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
