package dev.tessera.web;

import dev.tessera.user.StandardClaims;
import dev.tessera.user.UserAccount;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The page language, in this order: the person's own switch on the page ({@link Languages#chosen}); the first
 * supported tag of the request's {@code ui_locales} (OpenID Connect Core §3.1.2.1); the account's
 * {@code locale} claim; what the browser prefers ({@code Accept-Language}, matched by Faces against
 * faces-config.xml). Dates and times are shown in that language and the account's {@code zoneinfo}.
 */
@RequestScoped
public class Locales {

    @Inject
    PageFlow flow;

    @Inject
    Messages messages;

    private ZoneId zone = ZoneId.of("UTC");

    /** Applies {@code ui_locales} unless the person chose a language; true when one of its tags applied. */
    public boolean apply(String uiLocales) {
        if (uiLocales == null || personChose()) {
            return false;
        }
        for (String tag : uiLocales.trim().split(" +")) {
            Optional<Locale> supported = Languages.supported(tag);
            if (supported.isPresent()) {
                return set(supported.get());
            }
        }
        return false;
    }

    /** Applies the request's {@code ui_locales}, else the account's locale (and its zone for times). */
    public void apply(String uiLocales, Optional<UserAccount> account) {
        account.map(a -> a.claims().get(StandardClaims.ZONEINFO)).map(String::valueOf).ifPresent(this::zone);
        if (!apply(uiLocales) && !personChose()) {
            account.map(a -> a.claims().get(StandardClaims.LOCALE)).map(String::valueOf).flatMap(Languages::supported)
                    .ifPresent(this::set);
        }
    }

    /** A point in time as the person reads it: their language's medium format, in their zone. */
    public String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Messages.locale())
                .withZone(zone).format(instant);
    }

    /** Each scope with its description ({@code scope.<name>}, theme overrides included); unknown scopes by name. */
    public List<String> describeScopes(Collection<String> scopes) {
        return scopes.stream().map(s -> messages.containsKey("scope." + s) ? messages.get("scope." + s) : s).toList();
    }

    /** A message at the top of the page's form: {@code key}'s text with {0}, {1}... replaced by the arguments. */
    public void say(FacesMessage.Severity severity, String key, Object... arguments) {
        String text = text(key);
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    /** A message of the page's language, theme overrides included. */
    public String text(String key) {
        return messages.get(key);
    }

    private boolean personChose() {
        return Languages.chosen(flow.request()).isPresent();
    }

    private boolean set(Locale locale) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getViewRoot() == null) {
            return false;
        }
        faces.getViewRoot().setLocale(locale);
        return true;
    }

    private void zone(String id) {
        try {
            zone = ZoneId.of(id);
        } catch (RuntimeException e) {
            // An unknown zone in the account keeps UTC; the profile rules accept only IANA names anyway.
        }
    }
}
