package dev.tessera.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The page language: the first supported tag of the request's {@code ui_locales} (OpenID Connect Core
 * §3.1.2.1), otherwise what the browser prefers among the supported locales (faces-config.xml).
 */
@RequestScoped
public class Locales {
    static final String BUNDLE = "dev.tessera.web.messages";

    public void apply(String uiLocales) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (uiLocales == null || faces.getViewRoot() == null) {
            return;
        }
        for (String tag : uiLocales.trim().split(" +")) {
            Locale wanted = Locale.forLanguageTag(tag);
            for (Iterator<Locale> it = faces.getApplication().getSupportedLocales(); it.hasNext(); ) {
                Locale supported = it.next();
                if (supported.getLanguage().equals(wanted.getLanguage())) {
                    faces.getViewRoot().setLocale(supported);
                    return;
                }
            }
        }
    }

    /** Each scope with its description from the bundle ({@code scope.<name>}); unknown scopes by name. */
    public List<String> describeScopes(Collection<String> scopes) {
        ResourceBundle bundle = bundle();
        return scopes.stream().map(s -> bundle.containsKey("scope." + s) ? bundle.getString("scope." + s) : s).toList();
    }

    public ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.ENGLISH;
        return ResourceBundle.getBundle(BUNDLE, locale, Thread.currentThread().getContextClassLoader());
    }
}
