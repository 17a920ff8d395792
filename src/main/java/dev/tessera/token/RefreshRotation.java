package dev.tessera.token;

import dev.tessera.client.Client;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.user.JpaUserStore;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import dev.tessera.user.UserStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;

/**
 * Consuming a refresh token and writing its successor are one transaction. Otherwise a parallel presentation
 * of the same token, refused as reuse, could revoke the family before the winner's successor exists and miss
 * it: the winner's new token would survive a revoked family or not depending on timing (issue 18, point 9).
 * In one transaction the loser waits on the token's row until the winner commits, and its revocation then
 * finds the successor. Refusals keep what they wrote (a revoked family stays revoked).
 * <p>
 * For a person in the local database, reading the presented token, re-checking the person and rotating are one
 * transaction ({@link #readCheckAndRotate}): one persistence context and one pooled connection per refresh instead of
 * three (issue 23: "fewer round trips"; docs/performance.md, "Where a refresh's CPU goes"). A person the local
 * database does not have is re-checked in the directory outside any transaction, so a slow directory holds no
 * database connection.
 */
@ApplicationScoped
public class RefreshRotation {

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    UserTokens tokens;

    @Inject
    UserDirectory users;

    @Inject
    UserStores stores;

    @Inject
    JpaUserStore local;

    /**
     * The read, the re-check in the local database and the rotation in one transaction. The re-check still comes
     * before the token is consumed, so a database that cannot answer rolls back with the client's token intact.
     *
     * @return the response; or, with nothing written, the token read, when its person must be asked of a directory
     */
    @Transactional(dontRollbackOn = OAuthException.class)
    public Outcome readCheckAndRotate(String value, Client client, Set<String> requestedScope) {
        RefreshToken token = presented(value, client);
        if (token == null || !refreshTokens.withinFamilyLifetime(token)) {
            return new Outcome(rotate(token, client, requestedScope, null), null);
        }
        Optional<UserAccount> person = stores.hasLocal() ? local.recheck(token.grant().subject()) : Optional.empty();
        if (person.isEmpty() && !stores.onlyLocal()) {
            return new Outcome(null, token);
        }
        return new Outcome(rotate(token, client, requestedScope, person.filter(UserAccount::enabled).orElse(null)), null);
    }

    /** What {@link #readCheckAndRotate} did: answered, or read a token whose person is in a directory. */
    public record Outcome(TokenResponse response, RefreshToken forDirectory) {
    }

    /**
     * The presented token's row when it belongs to the client (null otherwise). A token already rotated is returned
     * too: within the reuse interval it may still stand for a retry. Rotation uses this row (read once per refresh).
     */
    private RefreshToken presented(String value, Client client) {
        return refreshTokens.stored(value).filter(t -> t.clientId().equals(client.clientId())).orElse(null);
    }

    /**
     * The token's user as its store answers now, never from a cache (an LDAP account disabled in the directory ends
     * here); null when there is no token, its family has ended, or the account is unknown or disabled.
     */
    public UserAccount recheck(RefreshToken token) {
        return token == null || !refreshTokens.withinFamilyLifetime(token) ? null
                : users.recheck(token.grant().subject()).filter(UserAccount::enabled).orElse(null);
    }

    /**
     * @param token   the presented token's row, read before or in the transaction; null when there is none
     * @param checked the token's user as its store answers now (a directory's answer is asked before, outside the
     *                transaction, so a slow directory holds no database connection), null when unknown or disabled
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
