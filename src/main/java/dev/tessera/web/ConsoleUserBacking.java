package dev.tessera.web;

import dev.tessera.admin.ConsentRevocations;
import dev.tessera.admin.UserChanges;
import dev.tessera.consent.ConsentService;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.session.SessionEndReason;
import dev.tessera.session.SessionService;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserAdministration;
import dev.tessera.user.UserDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * One person in the console, local or from the directory: who they are and their groups; switch a local account off
 * or on and set its password; clear the login throttle; their sessions (end one: the applications that took part are
 * told, as when the admin API ends it) and their consents (revoke one). Every change goes through the services the
 * admin API uses, with the operator as the audit trail's actor.
 */
@Named("consoleUser")
@RequestScoped
public class ConsoleUserBacking {
    /** One session of the person. */
    public record SessionRow(String sid, String started, String expires, String applications) {
    }

    /** One consent of the person. */
    public record ConsentRow(String clientId, String name, String scopes, String granted) {
    }

    @Inject
    ConsoleBacking console;

    @Inject
    UserDirectory directory;

    @Inject
    UserAdministration users;

    @Inject
    UserChanges changes;

    @Inject
    SessionService sessions;

    @Inject
    ConsentService consents;

    @Inject
    ConsentRevocations revocations;

    @Inject
    ClientView clients;

    static final String SUB = "sub";

    private String sub;
    private boolean subKnown;
    private String password;
    private Optional<UserAccount> account;

    /** As {@link ConsoleClientBacking#getId()}: the form's own {@code sub} field on a post, read before Faces decodes buttons. */
    public String getSub() {
        if (!subKnown) {
            setSub(console.parameter(SUB));
        }
        return sub;
    }

    public void setSub(String sub) {
        this.sub = sub == null || sub.isBlank() ? null : sub;
        subKnown = true;
        account = null;
    }

    public UserAccount getAccount() {
        if (account == null) {
            account = getSub() == null ? Optional.empty() : directory.findBySubject(getSub());
        }
        return account.orElse(null);
    }

    public boolean isLocal() {
        return getSub() != null && users.find(getSub()).isPresent();
    }

    public String getGroups() {
        return getAccount() == null ? "" : String.join(", ", getAccount().groups());
    }

    public List<SessionRow> getSessions() {
        Locales locales = console.locales();
        return getSub() == null ? List.of() : sessions.of(getSub()).stream().map(s -> new SessionRow(s.sid(), locales.dateTime(s.createdAt()),
                locales.dateTime(s.expiresAt()), String.join(", ", sessions.participants(s.sid()).stream().distinct()
                        .map(clients::displayName).toList()))).toList();
    }

    public List<ConsentRow> getConsents() {
        Locales locales = console.locales();
        return getSub() == null ? List.of() : consents.of(getSub()).stream().map(c -> new ConsentRow(c.clientId(), clients.displayName(c.clientId()),
                String.join(" ", c.scopes()), locales.dateTime(c.grantedAt()))).toList();
    }

    public String getPassword() {
        return null; // never shown again
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String enable(boolean enabled) {
        console.change(enabled ? "console.user.enabled" : "console.user.disabled", () -> changes.enable(getSub(), enabled, console.actor()));
        account = null;
        return null;
    }

    public String changePassword() {
        String chosen = password;
        console.change("console.user.password-set", () -> {
            changes.setPassword(getSub(), chosen, console.actor());
            return Boolean.TRUE;
        });
        return null;
    }

    public String unlock() {
        console.change("console.user.unlocked", () -> {
            changes.unlock(getSub(), console.actor());
            return Boolean.TRUE;
        });
        return null;
    }

    public String endSession(String sid) {
        console.change("console.user.session-ended", () -> found(sessions.endOne(getSub(), sid, SessionEndReason.ADMIN, console.actor())));
        return null;
    }

    public String revokeConsent(String clientId) {
        console.change("console.user.consent-revoked", () -> found(revocations.revoke(getSub(), clientId, console.actor())));
        return null;
    }

    /** A session or consent already gone is the API's 404, shown as such. */
    private static Boolean found(boolean done) {
        if (!done) {
            throw new OAuthException(OAuthError.NOT_FOUND, "It was already gone");
        }
        return Boolean.TRUE;
    }
}
