package dev.tessera.authorize;

import dev.tessera.config.Issuer;
import dev.tessera.config.SessionSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Predicate;

/**
 * Sends the browser to the login or consent page, parking the request first when it is new. The
 * parked request is bound to this browser by a cookie (HttpOnly, SameSite=Lax) that lives as long as
 * the request may wait.
 */
@ApplicationScoped
public class Interactions {
    public static final String LOGIN_PAGE = "/ui/login.xhtml";
    public static final String CONSENT_PAGE = "/ui/consent.xhtml";
    /** The second step of a sign-in: a code, an enrolment, or a notice (docs/strong-authentication.md). */
    public static final String FACTOR_PAGE = "/ui/login-factor.xhtml";
    /** The factor page's parameter asking it only to show the recovery-code notice. */
    public static final String NOTICE = "notice";
    public static final String RESUME = "/authorize/resume";

    @Inject
    PendingAuthorizations pendings;

    @Inject
    SessionSettings settings;

    @Inject
    Issuer issuer;

    public Response login(AuthorizationRequest request, String pendingId) {
        return to(LOGIN_PAGE, request, pendingId, "");
    }

    /** The factor page; {@code noticeOnly}: the level is met, but the person must hear that a recovery code was used. */
    public Response secondFactor(AuthorizationRequest request, String pendingId, boolean noticeOnly) {
        return to(FACTOR_PAGE, request, pendingId, noticeOnly ? "&" + NOTICE + "=1" : "");
    }

    public Response consent(AuthorizationRequest request, String pendingId) {
        return to(CONSENT_PAGE, request, pendingId, "");
    }

    /**
     * The {@code Set-Cookie} that removes a finished request's binding cookie (same name, path and attributes as when
     * it was set), so that a later sign-in in this browser does not take it for another tab's request under way.
     */
    public String expiredFlowCookie(String pendingId) {
        return pendings.cookieName(pendingId) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" + (issuer.isHttps() ? "; Secure" : "");
    }

    /** Recognises the cookies that bind a parked request other than {@code pendingId} (another tab's sign-in). */
    public Predicate<String> otherFlowCookies(String pendingId) {
        String own = pendings.cookieName(pendingId);
        return name -> name.contains(PendingAuthorizations.COOKIE_PREFIX) && !name.equals(own);
    }

    private Response to(String page, AuthorizationRequest request, String pendingId, String more) {
        if (pendingId != null) {
            return Response.seeOther(URI.create(issuer.endpoint(page + "?id=" + pendingId + more))).header("Cache-Control", "no-store").build();
        }
        PendingAuthorizations.Parked parked = pendings.park(request);
        String cookie = parked.cookieName() + "=" + parked.cookieValue() + "; Path=/; HttpOnly; SameSite=Lax; Max-Age="
                + settings.pendingLifetime().toSeconds() + (issuer.isHttps() ? "; Secure" : "");
        return Response.seeOther(URI.create(issuer.endpoint(page + "?id=" + parked.id() + more)))
                .header("Set-Cookie", cookie).header("Cache-Control", "no-store").build();
    }
}
