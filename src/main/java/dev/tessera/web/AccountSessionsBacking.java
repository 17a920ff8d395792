package dev.tessera.web;

import dev.tessera.http.UserAgents;
import dev.tessera.session.SessionCookie;
import dev.tessera.session.SessionOrigin;
import dev.tessera.session.SessionService;
import dev.tessera.session.SsoSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The sessions page: each browser session of the person (device and browser as its User-Agent header names them,
 * the address it signed in from, when it began and was last active, until when it lasts, the applications that
 * took part, this one marked), sign out of one, or everywhere. Only the person's own sessions are listed
 * and only they can be ended: the sid of a form is looked up among them.
 */
@Named("accountSessions")
@RequestScoped
public class AccountSessionsBacking {
    static final String SIGNED_OUT = "/ui/logout.xhtml?done=true";
    /** Where ending another session leads: the list again, by GET, saying it was ended. */
    static final String ENDED = "/ui/account-sessions.xhtml?ended=true";
    static final String ENDED_PARAMETER = "ended";

    /** One row of the page. */
    public record Row(String sid, String device, String address, String started, String lastActive, String expires,
            String applications, boolean current) {
    }

    @Inject
    AccountBacking account;

    @Inject
    SessionService sessions;

    @Inject
    AccountSignOuts signOuts;

    @Inject
    ClientView clients;

    @Inject
    Locales locales;

    @Inject
    PageFlow flow;

    @Inject
    SessionCookie cookie;

    private List<Row> rows;

    public List<Row> getRows() {
        if (rows == null) {
            rows = !account.signedIn() ? List.of() : sessions.of(account.getPerson().subject()).stream().map(this::row).toList();
        }
        return rows;
    }

    private Row row(SsoSession s) {
        String applications = String.join(", ", sessions.participants(s.sid()).stream().distinct().map(clients::displayName).toList());
        SessionOrigin origin = s.origin();
        return new Row(s.sid(), device(UserAgents.describe(origin.userAgent())),
                origin.address() == null ? locales.text("account.sessions.unknown") : origin.address(),
                locales.dateTime(s.createdAt()), locales.dateTime(s.lastActive()), locales.dateTime(s.expiresAt()), applications,
                s.sid().equals(account.session().sid()));
    }

    private String device(UserAgents.Device device) {
        if (device.browser() != null && device.system() != null) {
            return locales.text("account.sessions.device").replace("{0}", device.browser()).replace("{1}", device.system());
        }
        return device.known() ? (device.browser() != null ? device.browser() : device.system()) : locales.text("account.sessions.unknown");
    }

    /** f:viewAction of the page: the account's sign-in check, then the note that another session was just ended. */
    public void load() {
        account.load();
        if (account.signedIn() && "true".equals(flow.request().getParameter(ENDED_PARAMETER))) {
            account.say(FacesMessage.SEVERITY_INFO, "account.sessions.ended");
        }
    }

    public String end(String sid) {
        if (!account.signedIn()) {
            account.load();
            return null;
        }
        boolean current = sid != null && sid.equals(account.session().sid());
        if (!signOuts.endOne(account.getPerson().subject(), sid)) {
            account.say(FacesMessage.SEVERITY_ERROR, "account.sessions.gone");
            return null;
        }
        if (current) {
            signedOut();
        } else {
            // Post-redirect-get: the list is read again in a request of its own, not after the transaction that ended the
            // session and the work its after-commit observers started (on PostgreSQL, reading in that same request met a
            // closed EntityManager).
            flow.seeOther(ENDED);
        }
        return null;
    }

    public String endEverywhere() {
        if (!account.signedIn()) {
            account.load();
            return null;
        }
        signOuts.endEverywhere(account.getPerson().subject());
        signedOut();
        return null;
    }

    private void signedOut() {
        flow.response().addHeader("Set-Cookie", cookie.clearing());
        flow.seeOther(SIGNED_OUT);
    }
}
