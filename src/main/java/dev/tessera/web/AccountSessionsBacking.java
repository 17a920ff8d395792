package dev.tessera.web;

import dev.tessera.http.UserAgents;
import dev.tessera.session.FrontchannelLogouts;
import dev.tessera.session.SessionCookie;
import dev.tessera.session.SignedOutMark;
import dev.tessera.session.SessionEnded;
import dev.tessera.session.SessionOrigin;
import dev.tessera.session.SessionService;
import dev.tessera.session.SsoSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

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
    /** The signed-out page rendered in this request (a forward keeps the front-channel frames declared on it). */
    static final String LOGOUT_VIEW = "/logout.xhtml";

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

    @Inject
    SignedOutMark signedOutMark;

    @Inject
    FrontchannelLogouts frontchannel;

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
        if (sid != null && sid.equals(account.session().sid())) {
            return signedOut(cookie.read(flow.context()).flatMap(sessions::end));
        }
        if (!signOuts.endOne(account.getPerson().subject(), sid)) {
            account.say(FacesMessage.SEVERITY_ERROR, "account.sessions.gone");
            return null;
        }
        // Post-redirect-get: the list is read again in a request of its own, not after the transaction that ended the
        // session and the work its after-commit observers started (on PostgreSQL, reading in that same request met a
        // closed EntityManager).
        flow.seeOther(ENDED);
        return null;
    }

    public String endEverywhere() {
        if (!account.signedIn()) {
            account.load();
            return null;
        }
        Optional<SessionEnded> thisBrowser = cookie.read(flow.context()).flatMap(sessions::end);
        signOuts.endEverywhere(account.getPerson().subject());
        return signedOut(thisBrowser);
    }

    /**
     * This browser's session ended: the signed-out page, which first loads the front-channel logout URIs of the
     * applications that took part in it (Front-Channel Logout 1.0 §3), as the logout page does; other browsers'
     * sessions have no page to load them in and rely on back-channel logout.
     */
    private String signedOut(Optional<SessionEnded> ended) {
        flow.response().addHeader("Set-Cookie", cookie.clearing());
        signedOutMark.setting().ifPresent(c -> flow.response().addHeader("Set-Cookie", c));
        List<String> frames = ended.map(frontchannel::uris).orElse(List.of());
        if (frames.isEmpty()) {
            flow.seeOther(SIGNED_OUT);
            return null;
        }
        frontchannel.declare(flow.request(), frames, frontchannel.continueTo(null));
        return LOGOUT_VIEW;
    }
}
