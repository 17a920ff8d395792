package dev.tessera.authorize;

import dev.tessera.client.Client;
import dev.tessera.mfa.AcrRequirement;
import dev.tessera.mfa.LevelPolicy;
import dev.tessera.mfa.RecoveryCodes;
import dev.tessera.oauth.OAuthError;
import dev.tessera.session.SsoSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * After the login check: does the session reach the level this request needs ({@link LevelPolicy})? If not, the
 * factor page asks for the missing factor only (the password is not asked again: that is the login check's
 * business, by {@code prompt=login} and {@code max_age}), or lets the person enrol one, or says why they cannot go
 * on. {@code prompt=none} answers {@code interaction_required} (OpenID Connect Core §3.1.2.6); a level nobody can
 * reach for an essential request answers {@code unmet_authentication_requirements} (§5.5.1.1: "MUST treat that
 * outcome as a failed authentication attempt"). A voluntary level (only {@code acr_values}) the person cannot reach
 * is not an error: the ID token's {@code acr} says what was reached.
 */
@ApplicationScoped
public class StepUp {
    @Inject
    LevelPolicy policy;

    @Inject
    RecoveryCodes recovery;

    @Inject
    Interactions interactions;

    /** A page to show before the request may go on, or empty. */
    Optional<Response> check(AuthorizationRequest request, Client client, SsoSession session, String pendingId,
            PendingAuthorization pending, RedirectTarget target) {
        boolean silent = request.prompt().contains("none");
        String subject = session.subject();
        AcrRequirement needed = policy.requirement(request.acrValues(), request.claims(), client, subject);
        boolean gaveUp = pending != null && pending.unmet();
        if (needed.unreachable() || (gaveUp && needed.essential())) {
            throw new AuthorizeException(OAuthError.UNMET_AUTHENTICATION_REQUIREMENTS,
                    "The authentication level this request needs cannot be reached for this user", target);
        }
        if (!needed.metBy(session.authentication().acr()) && !gaveUp) {
            boolean possible = policy.canStepUp(subject);
            if (possible || needed.essential()) {
                if (silent) {
                    throw new AuthorizeException(possible ? OAuthError.INTERACTION_REQUIRED : OAuthError.UNMET_AUTHENTICATION_REQUIREMENTS,
                            "The user must sign in with a second factor (" + needed.acr() + ")", target);
                }
                return Optional.of(interactions.secondFactor(request, pendingId, false));
            }
        }
        boolean freshLogin = pending != null && pending.loginDoneAt() != null;
        if (!silent && freshLogin && recovery.noticeDue(subject, pending.loginDoneAt()) != null) {
            return Optional.of(interactions.secondFactor(request, pendingId, true));
        }
        return Optional.empty();
    }
}
