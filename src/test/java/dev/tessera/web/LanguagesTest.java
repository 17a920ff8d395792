package dev.tessera.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void aTagIsSupportedByItsLanguagePart() {
        assertThat(Languages.supported("de-CH")).hasValue(Locale.GERMAN);
        assertThat(Languages.supported("es-419")).hasValue(Locale.forLanguageTag("es"));
        assertThat(Languages.supported("it")).isEmpty();
        assertThat(Languages.supported(" ")).isEmpty();
        assertThat(Languages.supported(null)).isEmpty();
    }

    @Test
    void theCookieKeepsOnlyTheLanguageAndIsSecureOnHttps() {
        assertThat(Languages.cookieHeader(Locale.FRENCH, true)).startsWith("tessera_lang=fr; Path=/;").contains("HttpOnly").endsWith("; Secure");
        assertThat(Languages.cookieHeader(Locale.FRENCH, false)).doesNotContain("Secure");
    }
}
