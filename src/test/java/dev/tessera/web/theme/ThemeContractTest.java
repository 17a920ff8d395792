package dev.tessera.web.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Theme contract version 1 holds: every documented slot is a named slot of the template, every documented
 * id is on the pages docs/themes.md says, every documented message key exists in all four languages, and
 * every visible message of the English bundle is translated. Fails when one disappears.
 */
class ThemeContractTest {
    static final Path WEBAPP = Path.of(System.getProperty("project.basedir", "."), "src", "main", "webapp");
    static final Path TEMPLATES = WEBAPP.resolve("WEB-INF/templates");

    @Test
    void theDocumentedSlotsAreTheTemplatesNamedSlots() throws IOException {
        String template = Files.readString(TEMPLATES.resolve("page.xhtml"));

        assertThat(ThemeContractDoc.slots()).containsExactlyElementsOf(ThemeContract.SLOTS);
        assertThat(ThemeContract.SLOTS).allSatisfy(slot -> assertThat(template).contains("<ui:insert name=\"" + slot + "\""));
        assertThat(ThemeContract.THEME_SLOTS).allSatisfy(slot -> {
            assertThat(TEMPLATES.resolve("slots/" + slot + ".xhtml")).exists();
            assertThat(template).contains("<ui:include src=\"" + ThemeContract.SLOT_PATH + slot + ".xhtml\"/>");
        });
    }

    @Test
    void everyDocumentedIdIsOnItsPages() throws IOException {
        List<ThemeContractDoc.Id> ids = ThemeContractDoc.ids();

        assertThat(ids).hasSizeGreaterThan(30);
        for (ThemeContractDoc.Id id : ids) {
            for (String page : id.pages()) {
                String file = page.equals("template") ? template() : Files.readString(WEBAPP.resolve(page));
                assertThat(file).as(id.id() + " on " + page).contains(idAttribute(id.id()));
            }
        }
    }

    @Test
    void everyPageIsBuiltFromTheTemplate() throws IOException {
        try (var pages = Files.list(WEBAPP)) {
            List<Path> xhtml = pages.filter(p -> p.toString().endsWith(".xhtml")).toList();
            assertThat(xhtml).extracting(p -> p.getFileName().toString())
                    .contains("login.xhtml", "consent.xhtml", "device.xhtml", "device-confirm.xhtml", "device-done.xhtml",
                            "logout.xhtml", "error.xhtml", "expired.xhtml", "index.xhtml");
            for (Path page : xhtml) {
                assertThat(Files.readString(page)).as(page.toString()).contains("template=\"/WEB-INF/templates/page.xhtml\"");
            }
        }
    }

    @Test
    void everyDocumentedKeyIsInEveryLanguageAndEveryKeyIsDocumented() throws IOException {
        Properties english = bundle("");
        List<String> documented = ThemeContractDoc.messageKeys();

        assertThat(documented).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String language : ThemeContract.LANGUAGES) {
            Properties bundle = bundle(language.equals("en") ? "" : "_" + language);
            assertThat(bundle.stringPropertyNames()).as(language).containsExactlyInAnyOrderElementsOf(documented);
        }
    }

    @Test
    void theBuiltInSlotsPassTheChecksAThemesSlotsMust() throws IOException {
        for (String slot : ThemeContract.THEME_SLOTS) {
            byte[] content = Files.readAllBytes(TEMPLATES.resolve("slots/" + slot + ".xhtml"));
            assertThat(SlotCheck.problems(content, bundle("").stringPropertyNames())).as(slot).isEmpty();
        }
    }

    /** An id as the page source writes it: the language links are one element repeated per language. */
    private static String idAttribute(String id) {
        return id.startsWith("lang-") && ThemeContract.LANGUAGES.contains(id.substring(5)) ? "id=\"lang-#{language.code()}\"" : "id=\"" + id + "\"";
    }

    private static String template() throws IOException {
        StringBuilder all = new StringBuilder(Files.readString(TEMPLATES.resolve("page.xhtml")));
        for (String slot : ThemeContract.THEME_SLOTS) {
            all.append(Files.readString(TEMPLATES.resolve("slots/" + slot + ".xhtml")));
        }
        return all.toString();
    }

    static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ThemeContractTest.class.getResourceAsStream("/dev/tessera/web/messages" + suffix + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
