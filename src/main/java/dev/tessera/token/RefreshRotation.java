package dev.tessera.token;

import dev.tessera.client.Client;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.user.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;

/**
 * Consuming a refresh token and writing its successor are one transaction. Otherwise a parallel presentation
 * of the same token, refused as reuse, could revoke the family before the winner's successor exists and miss
 * it: the winner's new token would survive a revoked family or not depending on timing (issue 18, point 9).
 * In one transaction the loser waits on the token's row until the winner commits, and its revocation then
 * finds the successor. Refusals keep what they wrote (a revoked family stays revoked).
 */
@ApplicationScoped
public class RefreshRotation {

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    UserTokens tokens;

    /**
     * @param token   the presented token's row, read before the transaction; null when there is none
     * @param checked the token's user as its store answers now (checked before, outside the transaction, so
     *                a slow directory holds no database connection), null when unknown or disabled
     */
    @Transactional(dontRollbackOn = OAuthException.class)
    public TokenResponse rotate(RefreshToken token, Client client, Set<String> requestedScope, UserAccount checked) {
        RefreshGrant grant = refreshTokens.rotate(token, client, requestedScope);
        if (checked == null || !checked.subject().equals(grant.subject())) {
            refreshTokens.revokeFamily(grant.familyId());
            throw new OAuthException(OAuthError.INVALID_GRANT, "The user's account is no longer active");
        }
        return tokens.issue(client, checked, grant, null).response();
    }
}
