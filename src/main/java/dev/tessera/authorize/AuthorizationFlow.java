package dev.tessera.authorize;

import dev.tessera.client.Client;
import dev.tessera.consent.ConsentService;
import dev.tessera.http.PageSessions;
import dev.tessera.http.RequestContext;
import dev.tessera.oauth.OAuthError;
import dev.tessera.session.SessionCookie;
import dev.tessera.session.IdTokenHints;
import dev.tessera.session.SessionService;
import dev.tessera.session.SsoSession;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * After the checks: does the person need to log in, to add a second factor ({@link StepUp}), to consent, or can the
 * response be issued now?
 * {@code prompt=none} turns every needed interaction into {@code login_required} or
 * {@code consent_required} (OpenID Connect Core §3.1.2.6) instead of a page.
 */
@ApplicationScoped
public class AuthorizationFlow {

    @Inject
    SessionCookie cookie;

    @Inject
    SessionService sessions;

    @Inject
    UserDirectory users;

    @Inject
    ConsentService consents;

    @Inject
    IdTokenHints hints;

    @Inject
    Interactions interactions;

    @Inject
    AuthorizationIssuance issuance;

    @Inject
    AuthorizationResponder responder;

    @Inject
    PendingAuthorizations pendings;

    @Inject
    StepUp stepUp;

    @Inject
    PageSessions pageSessions;

    @Inject
    Clock clock;

    /** @param pendingId and {@code pending}: set when resuming after a page, null on a fresh request */
    public Response proceed(AuthorizationRequest request, Client client, RequestContext http, String pendingId,
            PendingAuthorization pending) {
        RedirectTarget target = new RedirectTarget(request.clientId(), request.redirectUri(), request.state(), request.responseMode());
        if (pending != null && pending.denied()) {
            pendings.finish(pendingId);
            releasePages(pendingId);
            throw new AuthorizeException(OAuthError.ACCESS_DENIED, "The user denied the request", target);
        }
        boolean silent = request.prompt().contains("none");
        Optional<SsoSession> session = cookie.read(http).flatMap(sessions::current);
        Optional<UserAccount> user = session.flatMap(s -> users.findBySubject(s.subject())).filter(UserAccount::enabled);
        if (session.isEmpty() || user.isEmpty() || needsLogin(request, session.get(), pending)) {
            if (silent) {
                throw new AuthorizeException(OAuthError.LOGIN_REQUIRED, "The user must log in", target);
            }
            return interactions.login(request, pendingId);
        }
        Optional<Response> secondStep = stepUp.check(request, client, session.get(), pendingId, pending, target);
        if (secondStep.isPresent()) {
            return secondStep.get();
        }
        if (needsConsent(request, client, session.get(), pending)) {
            if (silent) {
                throw new AuthorizeException(OAuthError.CONSENT_REQUIRED, "The user must consent", target);
            }
            return interactions.consent(request, pendingId);
        }
        Response response = responder.success(target, issuance.issue(request, client, session.get(), user.get()));
        if (pendingId == null) {
            return response;
        }
        pendings.finish(pendingId);
        releasePages(pendingId);
        return Response.fromResponse(response).header("Set-Cookie", interactions.expiredFlowCookie(pendingId)).build();
    }

    /** The pages of this sign-in are done: their state leaves memory unless another tab still signs in (PageSessions). */
    private void releasePages(String pendingId) {
        pageSessions.release(interactions.otherFlowCookies(pendingId));
    }

    private boolean needsLogin(AuthorizationRequest request, SsoSession session, PendingAuthorization pending) {
        // A login completed during this very request satisfies prompt=login and max_age.
        boolean freshLogin = pending != null && pending.loginDoneAt() != null
                && session.subject().equals(pending.subject()) && !session.authentication().authTime().isBefore(pending.createdAt());
        if (freshLogin) {
            return false;
        }
        if (request.prompt().contains("login") || request.prompt().contains("select_account")) {
            return true;
        }
        // OpenID Connect Core §3.1.2.1 max_age: "the OP MUST attempt to actively re-authenticate" when older.
        // Compared as durations: authTime.plusSeconds(max_age) overflows Instant for a max_age near Long.MAX_VALUE.
        if (request.maxAge() != null
                && Duration.between(session.authentication().authTime(), clock.instant()).compareTo(Duration.ofSeconds(request.maxAge())) > 0) {
            return true;
        }
        return hints.subject(request.idTokenHint()).filter(sub -> !sub.equals(session.subject())).isPresent();
    }

    private boolean needsConsent(AuthorizationRequest request, Client client, SsoSession session, PendingAuthorization pending) {
        if (pending != null && pending.consentDone()) {
            return false;
        }
        if (request.prompt().contains("consent")) {
            return true;
        }
        return client.requireConsent() && !consents.covers(session.subject(), client.clientId(), request.scope());
    }
}
