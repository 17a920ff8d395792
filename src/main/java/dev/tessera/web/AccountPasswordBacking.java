package dev.tessera.web;

import dev.tessera.session.SessionCookie;
import dev.tessera.session.SessionOrigin;
import dev.tessera.session.SessionService;
import dev.tessera.session.SsoSession;
import dev.tessera.user.KnownDevices;
import dev.tessera.user.SelfService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Optional;

/**
 * The password form of the account page: for local accounts, and for directory accounts when
 * {@code tessera.ldap.password-change} is on (the change is made in the directory). A changed password ends every
 * session of the person (the admin API does the same), so this browser gets a new session at once: the person stays
 * signed in here and nowhere else.
 */
@Named("accountPassword")
@RequestScoped
public class AccountPasswordBacking {
    @Inject
    AccountBacking account;

    @Inject
    SelfService self;

    @Inject
    PageFlow flow;

    @Inject
    SessionService sessions;

    @Inject
    SessionCookie cookie;

    @Inject
    KnownDevices devices;

    private String current;
    private String next;
    private String again;

    public String change() {
        if (!account.signedIn() || !isChangeable()) {
            account.load();
            return null;
        }
        SsoSession session = account.session();
        String address = flow.context().peerAddress();
        String device = flow.context().cookie(devices.cookieName()).orElse(null);
        Optional<SelfService.Refusal> refusal = account.isLocal()
                ? self.changePassword(account.getLocalUser(), current, next, again, address, device)
                : self.changeDirectoryPassword(account.getPerson(), current, next, again, address, device);
        current = null;
        next = null;
        again = null;
        if (refusal.isPresent()) {
            account.say(FacesMessage.SEVERITY_ERROR, "account.password." + refusal.get().name().toLowerCase(Locale.ROOT),
                    self.minPasswordLength());
            return null;
        }
        SessionService.Started started = sessions.start(session.subject(), session.authentication().amr(),
                session.authentication().acr(), session.remember(), new SessionOrigin(address, flow.context().userAgent()));
        flow.request().changeSessionId();
        flow.response().addHeader("Set-Cookie", cookie.header(started.cookieValue(), started.cookieMaxAge()));
        account.say(FacesMessage.SEVERITY_INFO, "account.password.changed");
        return null;
    }

    /** Whether this person has a password form: a local account, or a directory one with the directory change on. */
    public boolean isChangeable() {
        return account.signedIn() && (account.isLocal() || self.directoryPasswordChange());
    }

    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
    public String getAgain() { return again; }
    public void setAgain(String again) { this.again = again; }
    public int getMinLength() { return self.minPasswordLength(); }
}
