package dev.tessera.web;

import dev.tessera.config.UiSettings;
import dev.tessera.web.theme.Theme;
import dev.tessera.web.theme.Themes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /** One entry per language: its code, its own name's key and the link that switches this page to it. */
    public List<Language> getLanguages() {
        String current = getLanguage();
        HttpServletRequest request = flow.request();
        String kept = KEPT.stream().filter(p -> request.getParameter(p) != null)
                .map(p -> p + "=" + URLEncoder.encode(request.getParameter(p), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String path = request.getRequestURI();
        return Languages.SUPPORTED.stream().map(l -> new Language(l, "lang." + l,
                path + "?" + (kept.isEmpty() ? "" : kept + "&") + Languages.PARAMETER + "=" + l, l.equals(current))).toList();
    }

    private Theme theme() {
        return themes.current();
    }

    /** A language of the switch. */
    public record Language(String code, String nameKey, String url, boolean current) {
    }
}
