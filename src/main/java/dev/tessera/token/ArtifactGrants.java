package dev.tessera.token;

import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditLog;
import dev.tessera.audit.AuditType;
import dev.tessera.client.Client;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The user's grant behind a redeemed one-time artifact (authorization code, device code): its first
 * redemption gets the user's tokens, linked back to the artifact; a replay revokes what that issued. RFC 6749
 * §4.1.2: the server "SHOULD revoke (when possible) all tokens previously issued based on that authorization
 * code". A device code stands for the grant as a code does (RFC 8628 §3.4), so Tessera treats its replay
 * alike. The two grants differ in their checks only; issuing and revoking are done here, once.
 */
@ApplicationScoped
public class ArtifactGrants {

    @Inject
    UserDirectory users;

    @Inject
    UserTokens tokens;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    RevocationList revocations;

    @Inject
    OneTimeArtifacts artifacts;

    @Inject
    AuditLog audit;

    /**
     * The tokens of a first redemption, for a user who may still sign in, and the access token recorded on
     * the artifact.
     *
     * @param nonce the authorization request's nonce for the ID token, or null (OpenID Connect Core §2)
     */
    public TokenResponse issue(Client client, OneTimeArtifact redeemed, String nonce) {
        UserGrant grant = redeemed.userGrant();
        UserAccount user = users.findBySubject(grant.subject()).filter(UserAccount::enabled)
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_GRANT, "The user's account is no longer active"));
        UserTokens.Issued issued = tokens.issue(client, user, refreshTokens.newFamily(grant, client), nonce);
        artifacts.recordAccessToken(redeemed, issued.access());
        return issued.response();
    }

    /**
     * Revokes everything the artifact's first redemption issued: the refresh token family of its grant (with
     * the access tokens issued on each rotation) and the access token recorded on the artifact, listed as
     * revoked for as long as it can be used ({@link RevocationList#revokeAccessTokenOf}).
     */
    public void revokeReplayed(OneTimeArtifact replayed) {
        refreshTokens.revokeFamily(replayed.grantId());
        revocations.revokeAccessTokenOf(replayed);
        audit.record(AuditEvent.now(AuditType.CODE_REPLAYED, replayed.clientId(), replayed.subject(), replayed.clientId(), null,
                Map.of("artifact", replayed.getClass().getSimpleName(), "grant_revoked", replayed.grantId())));
    }
}
