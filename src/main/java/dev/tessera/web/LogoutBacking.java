package dev.tessera.web;

import dev.tessera.session.LogoutResource;
import dev.tessera.session.LogoutTargets;
import dev.tessera.session.SessionCookie;
import dev.tessera.session.SessionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * The logout confirmation page: reached when a logout request cannot prove it comes from the person's
 * own client (no matching id_token_hint). Pressing {@code logout} ends the session; the redirect target
 * is checked again here, since the page's parameters come from the browser.
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
    LogoutTargets targets;

    public boolean isDone() {
        return "true".equals(param("done"));
    }

    public String confirm() {
        cookie.read(flow.context()).ifPresent(sessions::end);
        flow.response().addHeader("Set-Cookie", cookie.clearing());
        Optional<String> redirect = targets.verified(param("client_id"), param("post_logout_redirect_uri"));
        if (redirect.isPresent()) {
            flow.seeOtherAbsolute(LogoutTargets.withState(redirect.get(), param("state")));
        } else {
            flow.seeOther(LogoutResource.PAGE + "?done=true");
        }
        return null;
    }

    public String getClientId() { return param("client_id"); }
    public String getPostLogoutRedirectUri() { return param("post_logout_redirect_uri"); }
    public String getState() { return param("state"); }

    private String param(String name) {
        return flow.request().getParameter(name);
    }
}
