package dev.tessera.web;

import dev.tessera.session.SessionCookie;
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
 * The password form of the account page, for local accounts. A changed password ends every session of the
 * person (the admin API does the same), so this browser gets a new session at once: the person stays signed in
 * here and nowhere else.
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
        if (!account.signedIn() || !account.isLocal()) {
            account.load();
            return null;
        }
        SsoSession session = account.session();
        Optional<SelfService.Refusal> refusal = self.changePassword(account.getLocalUser(), current, next, again,
                flow.context().peerAddress(), flow.context().cookie(devices.cookieName()).orElse(null));
        current = null;
        next = null;
        again = null;
        if (refusal.isPresent()) {
            account.say(FacesMessage.SEVERITY_ERROR, "account.password." + refusal.get().name().toLowerCase(Locale.ROOT),
                    self.minPasswordLength());
            return null;
        }
        SessionService.Started started = sessions.start(session.subject(), session.authentication().amr(),
                session.authentication().acr(), session.remember());
        flow.request().changeSessionId();
        flow.response().addHeader("Set-Cookie", cookie.header(started.cookieValue(), started.cookieMaxAge()));
        account.say(FacesMessage.SEVERITY_INFO, "account.password.changed");
        return null;
    }

    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
    public String getAgain() { return again; }
    public void setAgain(String again) { this.again = again; }
    public int getMinLength() { return self.minPasswordLength(); }
}
