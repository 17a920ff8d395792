package dev.tessera.token;

import dev.tessera.cluster.CacheInvalidated;
import dev.tessera.cluster.Invalidations;
import dev.tessera.config.TokenSettings;
import dev.tessera.persistence.FirstInsert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Revoked JWT access tokens by jti (RFC 7009 §2), until their exp; the reaper removes them after.
 * Only revocation writes here, so issuing JWTs never touches the database.
 *
 * <p>Several requests may revoke the same jti at once, on one node or several: the losers of a race to
 * redeem one code or refresh one token each revoke the winner's grant. {@link FirstInsert} lets one
 * insert win and the others find the row, without an exception. The insert runs in its own transaction, so a revocation
 * stays even if the caller's transaction later rolls back: revoking too much is the safe side.
 *
 * <p>Reading is {@link RevokedJtis}, each node's copy: a revocation enters this node's copy before {@link #revoke}
 * returns (RFC 7662 §2.2: a revoked token is not active, so an introspection right after the revocation answers
 * inactive), and is announced to the other nodes at once, not after the caller's transaction: the row is already
 * committed in its own.
 */
@ApplicationScoped
public class RevocationList {

    @Inject
    RevokedJtis known;

    @Inject
    Invalidations invalidations;

    @Inject
    FirstInsert inserts;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    public void revoke(String jti, Instant expiresAt) {
        if (!isRevoked(jti)) {
            inserts.insert(RevokedToken.TABLE, RevokedToken.KEY_COLUMN, jti, expiresAt);
            known.add(jti, expiresAt);
            invalidations.announceNow(CacheInvalidated.REVOKED_TOKENS, RevokedJtis.announcement(jti, expiresAt));
        }
    }

    /**
     * Revokes the access token issued on an artifact's redemption, listed until that token expires: an entry
     * that ended sooner would let the token work again, a longer one only wastes a row. A row that does not
     * know the expiry (written before {@code access_expires_at} existed, or by a node not yet upgraded) is
     * given the configured access-token lifetime from now, which no token issued before now outlives unless
     * its client sets a longer one. Nothing is listed for a token already expired.
     */
    public void revokeAccessTokenOf(OneTimeArtifact artifact) {
        if (artifact.accessJti() == null) {
            return;
        }
        Instant now = clock.instant();
        Instant until = artifact.accessExpiresAt() != null ? artifact.accessExpiresAt() : now.plus(settings.accessTokenLifetime());
        if (until.isAfter(now)) {
            revoke(artifact.accessJti(), until);
        }
    }

    public boolean isRevoked(String jti) {
        return known.isRevoked(jti);
    }
}
