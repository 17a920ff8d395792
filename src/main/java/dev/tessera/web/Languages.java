package dev.tessera.web;

import dev.tessera.web.theme.ThemeContract;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the pages and the person's explicit choice of one: the language switch sends
 * {@code ?lang=xx} and the choice is kept in a cookie, so it outranks {@code ui_locales}, the account's
 * locale and {@code Accept-Language} on every later page.
 */
public final class Languages {
    public static final List<String> SUPPORTED = ThemeContract.LANGUAGES;
    public static final String PARAMETER = "lang";
    public static final String COOKIE = "tessera_lang";
    /** The name with an https issuer: browsers keep it only if this host set it Secure, Path=/ (RFC 6265bis §4.1.3.2). */
    public static final String HOST_COOKIE = "__Host-" + COOKIE;
    static final int COOKIE_MAX_AGE = 365 * 24 * 3600;

    private Languages() {
    }

    /** The supported language {@code tag} names (its language part), if any. */
    public static Optional<Locale> supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        return SUPPORTED.contains(language) ? Optional.of(Locale.forLanguageTag(language)) : Optional.empty();
    }

    /** The language the person chose on the page: this request's switch, else the cookie of an earlier one. */
    public static Optional<Locale> chosen(HttpServletRequest request) {
        Optional<Locale> switched = supported(request.getParameter(PARAMETER));
        if (switched.isPresent()) {
            return switched;
        }
        Cookie[] cookies = request.getCookies();
        Optional<Locale> plain = Optional.empty();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (HOST_COOKIE.equals(cookie.getName())) {
                    return supported(cookie.getValue());
                }
                if (COOKIE.equals(cookie.getName())) {
                    plain = supported(cookie.getValue());
                }
            }
        }
        // Without the prefixed cookie: plain http (development), or a choice kept before the prefix was used.
        return plain;
    }

    /** The cookie that keeps a switched language; it says nothing about the person but the language. */
    public static String cookieHeader(Locale language, boolean secure) {
        return (secure ? HOST_COOKIE : COOKIE) + "=" + language.getLanguage() + "; Path=/; Max-Age=" + COOKIE_MAX_AGE + "; SameSite=Lax; HttpOnly"
                + (secure ? "; Secure" : "");
    }
}
