package dev.tessera.web;

import dev.tessera.authorize.Interactions;
import dev.tessera.device.DeviceCode;
import dev.tessera.device.DeviceVerifications;
import dev.tessera.mfa.AcrRequirement;
import dev.tessera.mfa.LevelPolicy;
import dev.tessera.session.SessionCookie;
import dev.tessera.session.SessionService;
import dev.tessera.session.SsoSession;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The device confirmation page: the signed-in person sees which client asks for what, is warned that
 * only a code from their own device's screen belongs here (RFC 8628 §5.4, remote phishing), and allows
 * or denies. Every device request is confirmed here, whatever consent was remembered for the client,
 * because the person never saw the device's request themselves. Both answers need the browser that
 * entered the code and a live SSO session; without a session the browser goes through the login page
 * and comes back.
 */
@Named("deviceConfirm")
@RequestScoped
public class DeviceConfirmBacking {
    public static final String DONE_PAGE = "/ui/device-done.xhtml";
    public static final String RESULT = "result";

    @Inject
    PageFlow flow;

    @Inject
    DeviceVerifications verifications;

    @Inject
    SessionCookie sessionCookie;

    @Inject
    SessionService sessions;

    @Inject
    UserDirectory users;

    @Inject
    ClientView clients;

    @Inject
    LevelPolicy levels;

    @Inject
    Locales locales;

    private String flowId;
    private Optional<DeviceCode> code;
    private Optional<SsoSession> session;
    private Optional<UserAccount> user;
    private Boolean levelMet;

    public void load() {
        HttpServletRequest request = flow.request();
        if (flowId == null) {
            flowId = request.getParameter(DeviceBacking.FLOW);
        }
        code = verifications.find(flowId, flow::cookie);
        session = sessionCookie.read(flow.context()).flatMap(sessions::current);
        user = session.flatMap(s -> users.findBySubject(s.subject())).filter(UserAccount::enabled);
        locales.apply(null, user);
    }

    /**
     * f:viewAction on GET: a known flow without a signed-in person goes through the login page first; a session below
     * the floor of the client, the server or the person ({@link LevelPolicy#floor}) goes through the second step, as
     * {@code /authorize} would send it, and comes back here.
     */
    public void enter() {
        load();
        String back = URLEncoder.encode(DeviceBacking.CONFIRM_PAGE + "?" + DeviceBacking.FLOW + "=" + flowId, StandardCharsets.UTF_8);
        if (code.isPresent() && user.isEmpty()) {
            flow.seeOther(Interactions.LOGIN_PAGE + "?" + LoginBacking.RETURN + "=" + back);
        } else if (code.isPresent() && !isLevelMet() && levels.canStepUp(user.get().subject())) {
            flow.seeOther(Interactions.FACTOR_PAGE + "?" + LoginBacking.RETURN + "=" + back);
        }
    }

    /**
     * Whether this session reaches the floors for the device's client. The device authorization request asks for no
     * level (RFC 8628 §3.1 has no acr_values), but the floors apply to every grant that issues a person's tokens.
     */
    public boolean isLevelMet() {
        if (!isKnownRequest()) {
            return true;
        }
        if (levelMet == null) {
            Optional<AcrRequirement> floor = clients.find(code.get().clientId()).map(c -> levels.floor(c, user.get().subject()));
            levelMet = floor.isPresent() && floor.get().metBy(session.get().authentication().acr());
        }
        return levelMet;
    }

    public boolean isKnownRequest() {
        if (code == null) {
            load();
        }
        return code.isPresent() && user.isPresent();
    }

    public String approve() {
        return decide(true);
    }

    public String deny() {
        return decide(false);
    }

    private String decide(boolean approved) {
        // A session below the floor may deny, never approve (the page offers only the denial then).
        if (!isKnownRequest() || (approved && !isLevelMet())) {
            return null;
        }
        SsoSession s = session.get();
        boolean decided = verifications.decide(flowId, flow::cookie, approved,
                new DeviceVerifications.Decider(user.get().subject(), s.authentication()));
        String result = !decided ? "expired" : approved ? "approved" : "denied";
        flow.seeOther(DONE_PAGE + "?" + RESULT + "=" + result);
        return null;
    }

    public String getClientName() {
        return code.map(c -> clients.displayName(c.clientId())).orElse("");
    }

    public String getUsername() {
        return user.map(UserAccount::username).orElse("");
    }

    public List<String> getScopes() {
        return code.map(c -> locales.describeScopes(c.scope())).orElse(List.of());
    }

    public String getFlow() { return flowId; }
    public void setFlow(String flowId) { this.flowId = flowId; }
}
