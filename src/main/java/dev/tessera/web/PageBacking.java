package dev.tessera.web;

import dev.tessera.config.UiSettings;
import dev.tessera.web.theme.Theme;
import dev.tessera.web.theme.Themes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the template shows around every page ({@code #{page...}}, docs/themes.md): the theme's stylesheet,
 * logo and icon by their content-hashed URLs, the operator's help link and support contact, the
 * password-reset link, and the language switch.
 */
@Named("page")
@RequestScoped
public class PageBacking {
    /** Request parameters a page needs again after switching the language; nothing else is carried over. */
    static final List<String> KEPT = List.of("id", LoginBacking.RETURN, DeviceBacking.FLOW, "result", "done");

    @Inject
    Themes themes;

    @Inject
    UiSettings settings;

    @Inject
    PageFlow flow;

    public String getStylesheet() {
        return theme().url(Theme.STYLESHEET);
    }

    public String getLogo() {
        return theme().url(Theme.LOGO);
    }

    public String getFavicon() {
        return theme().url(Theme.FAVICON);
    }

    public String getHelpUrl() {
        return settings.helpUrl();
    }

    public String getSupportContact() {
        return settings.supportContact();
    }

    public String getResetUrl() {
        return settings.resetUrl();
    }

    public String getLanguage() {
        return Messages.locale().getLanguage();
    }

    /**
     * One entry per language: its code, its own name's key and the link that switches this page to it. A page
     * shown for a GET (also one forwarded from an endpoint, like the error page) is asked for again with the same
     * query; after a form post only the parameters that identify the page's request ({@link #KEPT}) are kept.
     */
    public List<Language> getLanguages() {
        String current = getLanguage();
        HttpServletRequest request = flow.request();
        String path = forwarded(request, RequestDispatcher.FORWARD_REQUEST_URI, request.getRequestURI());
        String query = "GET".equals(request.getMethod())
                ? withoutLanguage(forwarded(request, RequestDispatcher.FORWARD_QUERY_STRING, request.getQueryString()))
                : KEPT.stream().filter(p -> request.getParameter(p) != null)
                        .map(p -> p + "=" + URLEncoder.encode(request.getParameter(p), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        return Languages.SUPPORTED.stream().map(l -> new Language(l, "lang." + l,
                path + "?" + (query.isEmpty() ? "" : query + "&") + Languages.PARAMETER + "=" + l, l.equals(current))).toList();
    }

    private static String forwarded(HttpServletRequest request, String attribute, String otherwise) {
        Object value = request.getAttribute(attribute);
        return value instanceof String s ? s : otherwise;
    }

    static String withoutLanguage(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        return Arrays.stream(query.split("&")).filter(p -> !p.equals(Languages.PARAMETER) && !p.startsWith(Languages.PARAMETER + "="))
                .collect(Collectors.joining("&"));
    }

    private Theme theme() {
        return themes.current();
    }

    /** A language of the switch. */
    public record Language(String code, String nameKey, String url, boolean current) {
    }
}
