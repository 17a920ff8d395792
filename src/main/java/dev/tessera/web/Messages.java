package dev.tessera.web;

import dev.tessera.web.theme.Themes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.AbstractMap;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Every text a page shows, as {@code #{msg['key']}}: the theme's override for the page's language, then its
 * override for all languages, then the built-in bundle of the language (docs/themes.md, "Messages"). A
 * missing key shows as {@code ???key???}, Faces' own convention, so it is seen rather than silently empty.
 */
@Named("msg")
@RequestScoped
public class Messages extends AbstractMap<String, String> {
    static final String BUNDLE = "dev.tessera.web.messages";
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Inject
    Themes themes;

    @Override
    public String get(Object key) {
        String name = String.valueOf(key);
        Locale locale = locale();
        String themed = themes.current().message(locale.getLanguage(), name);
        if (themed != null) {
            return themed;
        }
        ResourceBundle bundle = bundle(locale);
        return bundle.containsKey(name) ? bundle.getString(name) : "???" + name + "???";
    }

    @Override
    public boolean containsKey(Object key) {
        return bundle(locale()).containsKey(String.valueOf(key));
    }

    /** Not enumerable: pages only look keys up. */
    @Override
    public Set<Entry<String, String>> entrySet() {
        return Set.of();
    }

    public static ResourceBundle bundle(Locale locale) {
        // No fallback to the JVM's default locale: a missing language falls back to the English base bundle only.
        return ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), NO_FALLBACK);
    }

    static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.ENGLISH;
    }
}
