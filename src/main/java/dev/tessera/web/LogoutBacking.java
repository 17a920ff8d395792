package dev.tessera.web;

import dev.tessera.session.FrontchannelLogouts;
import dev.tessera.session.LogoutResource;
import dev.tessera.session.LogoutTargets;
import dev.tessera.session.SessionCookie;
import dev.tessera.session.SessionEnded;
import dev.tessera.session.SessionService;
import dev.tessera.session.SignedOutMark;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * The logout confirmation page: reached when a logout request cannot prove it comes from the person's
 * own client (no matching id_token_hint). Pressing {@code logout} ends the session; the redirect target
 * is checked again here, since the page's parameters come from the browser. When the session's applications
 * registered front-channel logout URIs, the same page shows the signed-out state with their iframes and then
 * continues ({@link FrontchannelLogouts}); the iframes come only from request attributes set on the server.
 */
@Named("logout")
@RequestScoped
public class LogoutBacking {

    @Inject
    PageFlow flow;

    @Inject
    SessionCookie cookie;

    @Inject
    SessionService sessions;

    @Inject
    SignedOutMark signedOut;

    @Inject
    LogoutTargets targets;

    @Inject
    FrontchannelLogouts frontchannel;

    public boolean isDone() {
        return "true".equals(param("done")) || !getFrames().isEmpty();
    }

    public String confirm() {
        Optional<SessionEnded> ended = cookie.read(flow.context()).flatMap(sessions::end);
        flow.response().addHeader("Set-Cookie", cookie.clearing());
        signedOut.setting().ifPresent(c -> flow.response().addHeader("Set-Cookie", c));
        Optional<String> redirect = targets.verified(param("client_id"), param("post_logout_redirect_uri"))
                .map(r -> LogoutTargets.withState(r, param("state")));
        List<String> frames = ended.map(frontchannel::uris).orElse(List.of());
        if (!frames.isEmpty()) {
            frontchannel.declare(flow.request(), frames, frontchannel.continueTo(redirect.orElse(null)));
        } else if (redirect.isPresent()) {
            flow.seeOtherAbsolute(redirect.get());
        } else {
            flow.seeOther(LogoutResource.PAGE + "?done=true");
        }
        return null;
    }

    /** The front-channel logout URIs this response loads (Front-Channel Logout 1.0 §3); empty on every other request. */
    public List<String> getFrames() {
        Object frames = flow.request().getAttribute(FrontchannelLogouts.FRAMES);
        return frames instanceof String lines && !lines.isEmpty() ? List.of(lines.split("\n")) : List.of();
    }

    public String getContinueTo() { return (String) flow.request().getAttribute(FrontchannelLogouts.CONTINUE); }
    public String getFramesTimeout() { return (String) flow.request().getAttribute(FrontchannelLogouts.TIMEOUT_MILLIS); }
    public String getClientId() { return param("client_id"); }
    public String getPostLogoutRedirectUri() { return param("post_logout_redirect_uri"); }
    public String getState() { return param("state"); }

    private String param(String name) {
        return flow.request().getParameter(name);
    }
}
