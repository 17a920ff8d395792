package dev.tessera.web;

import dev.tessera.session.SessionCookie;
import dev.tessera.session.SessionService;
import dev.tessera.session.SsoSession;
import dev.tessera.user.SelfService;
import dev.tessera.user.User;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who the account pages are about: the person of this browser's SSO session, signed in through Tessera's own
 * login page (a browser without a session is sent there and comes back). Every account page and every action on
 * one asks {@link #signedIn()} first, so a page can only ever show or change its own person.
 */
@Named("account")
@RequestScoped
public class AccountBacking {
    /** The account pages, each also a safe return target of the login page ({@link ReturnPaths}). */
    static final String PROFILE = "/ui/account.xhtml";
    static final String PASSWORD = "/ui/account-password.xhtml";
    static final String SECURITY = "/ui/account-security.xhtml";
    /** Claims shown read-only besides the editable ones; each has an {@code account.claim.*} text in every language. */
    private static final List<String> SHOWN = List.of("preferred_username", "email", "email_verified", "phone_number");

    @Inject
    PageFlow flow;

    @Inject
    SessionCookie cookie;

    @Inject
    SessionService sessions;

    @Inject
    UserDirectory users;

    @Inject
    SelfService self;

    @Inject
    Locales locales;

    private Optional<SsoSession> session;
    private Optional<UserAccount> person;
    private Optional<User> local;

    /** f:viewAction of every account page: no session, so to the login page, which returns here. */
    public void load() {
        if (!signedIn()) {
            flow.seeOther("/ui/login.xhtml?" + LoginBacking.RETURN + "=" + flow.request().getServletPath()
                    + (flow.request().getPathInfo() == null ? "" : flow.request().getPathInfo()));
        }
    }

    /** Whether this browser has a live session whose person still exists and may sign in. */
    public boolean signedIn() {
        if (session == null) {
            session = cookie.read(flow.context()).flatMap(sessions::current);
            person = session.flatMap(s -> users.findBySubject(s.subject())).filter(UserAccount::enabled);
            local = person.flatMap(p -> self.local(p.subject()));
        }
        return person.isPresent();
    }

    public UserAccount getPerson() {
        return signedIn() ? person.get() : null;
    }

    /** The local account, or null for a person from the directory. */
    public User getLocalUser() {
        return signedIn() ? local.orElse(null) : null;
    }

    public boolean isLocal() {
        return getLocalUser() != null;
    }

    /** The claims Tessera holds that are not edited on the profile form, for reading. */
    public List<Map.Entry<String, String>> getReadOnlyClaims() {
        if (!signedIn()) {
            return List.of();
        }
        Map<String, Object> claims = person.get().claims();
        List<String> editable = isLocal() ? self.editable() : List.of();
        List<Map.Entry<String, String>> shown = new ArrayList<>(claims.entrySet().stream().filter(e -> !editable.contains(e.getKey()) && !e.getKey().equals("sub"))
                .filter(e -> SHOWN.contains(e.getKey()) || SelfService.EDITABLE.contains(e.getKey()))
                .map(e -> Map.entry(e.getKey(), e.getValue() instanceof Collection<?> c
                        ? String.join(", ", c.stream().map(String::valueOf).toList()) : String.valueOf(e.getValue()))).toList());
        if (!person.get().groups().isEmpty()) { // groups live beside the claims, not among them
            shown.add(Map.entry("groups", String.join(", ", person.get().groups())));
        }
        return shown;
    }

    public String getSignedInSince() {
        return signedIn() ? locales.dateTime(session.get().authentication().authTime()) : "";
    }

    /** A message at the top of the form. */
    void say(FacesMessage.Severity severity, String key, Object... arguments) {
        locales.say(severity, key, arguments);
    }

    SsoSession session() {
        return session.orElseThrow();
    }
}
