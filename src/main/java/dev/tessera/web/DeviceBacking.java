package dev.tessera.web;

import dev.tessera.config.Issuer;
import dev.tessera.device.DeviceVerifications;
import dev.tessera.device.UserCodeThrottle;
import dev.tessera.device.UserCodes;
import dev.tessera.oauth.DeviceParameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The device verification page (RFC 8628 §3.3): the person types the user code, or finds it filled in
 * from verification_uri_complete (§3.3.1) and still has to press the button, so a link alone never
 * starts anything. Wrong codes are counted per session and per address ({@link UserCodeThrottle});
 * a right one is bound to this browser and the browser goes on to the confirmation page, through the
 * login page when nobody is signed in.
 */
@Named("device")
@RequestScoped
public class DeviceBacking {
    public static final String CONFIRM_PAGE = "/ui/device-confirm.xhtml";
    public static final String FLOW = "flow";

    @Inject
    PageFlow flow;

    @Inject
    DeviceVerifications verifications;

    @Inject
    UserCodeThrottle throttle;

    @Inject
    Locales locales;

    @Inject
    Issuer issuer;

    @Inject
    Clock clock;

    private String userCode;

    /** Called by f:viewAction on GET: a code from verification_uri_complete only prefills the form. */
    public void load() {
        if (userCode == null) {
            userCode = UserCodes.normalize(flow.request().getParameter(DeviceParameters.USER_CODE)).map(UserCodes::display).orElse(null);
        }
    }

    public String submit() {
        HttpServletRequest request = flow.request();
        String session = request.getSession(true).getId();
        String address = flow.context().peerAddress();
        // RFC 8628 §5.1: "the server rate-limit user code attempts"; a locked session or address gets no
        // answer about any code, right or wrong.
        if (throttle.locked(session, address)) {
            return error("device.error.throttled");
        }
        Optional<String> normalized = UserCodes.normalize(userCode);
        if (normalized.isEmpty()) {
            // Not a possible code at all, so not a guess: explained, not counted.
            return error("device.error.format");
        }
        Optional<DeviceVerifications.Bound> bound = verifications.bind(normalized.get());
        if (bound.isEmpty()) {
            throttle.failed(session, address);
            return error("device.error.unknown");
        }
        flow.response().addHeader("Set-Cookie", cookie(bound.get()));
        flow.seeOther(CONFIRM_PAGE + "?" + FLOW + "=" + bound.get().flowId());
        return null;
    }

    /** Binds the flow to this browser for as long as the code lives; HttpOnly, SameSite=Lax, only sent to /ui. */
    private String cookie(DeviceVerifications.Bound bound) {
        long maxAge = Math.max(1, Duration.between(clock.instant(), bound.expiresAt()).toSeconds());
        return bound.cookieName() + "=" + bound.cookieValue() + "; Path=" + DeviceVerifications.COOKIE_PATH + "; HttpOnly; SameSite=Lax; Max-Age=" + maxAge
                + (issuer.isHttps() ? "; Secure" : "");
    }

    private String error(String key) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, locales.text(key), null));
        return null;
    }

    public String getUserCode() { return userCode; }
    public void setUserCode(String userCode) { this.userCode = userCode; }
}
