package dev.tessera.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
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
        assertThat(Languages.cookieHeader(Locale.FRENCH, true)).startsWith("__Host-tessera_lang=fr; Path=/;").contains("HttpOnly")
                .doesNotContain("Domain").endsWith("; Secure");
        assertThat(Languages.cookieHeader(Locale.FRENCH, false)).startsWith("tessera_lang=fr; Path=/;").doesNotContain("Secure");
    }

    @Test
    void thePrefixedCookieOutranksAPlainOneOfTheSameName() {
        assertThat(Languages.chosen(request(null, new Cookie("tessera_lang", "de"), new Cookie("__Host-tessera_lang", "fr"))))
                .hasValue(Locale.FRENCH);
        assertThat(Languages.chosen(request(null, new Cookie("tessera_lang", "de")))).hasValue(Locale.GERMAN);
        assertThat(Languages.chosen(request("es", new Cookie("__Host-tessera_lang", "fr")))).hasValue(Locale.forLanguageTag("es"));
        assertThat(Languages.chosen(request(null))).isEmpty();
    }

    private static HttpServletRequest request(String lang, Cookie... cookies) {
        return (HttpServletRequest) Proxy.newProxyInstance(LanguagesTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getParameter" -> Languages.PARAMETER.equals(args[0]) ? lang : null;
                    case "getCookies" -> cookies.length == 0 ? null : cookies;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
