package dev.tessera.token;

import dev.tessera.persistence.FirstInsert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Revoked JWT access tokens by jti (RFC 7009 §2), until their exp; the reaper removes them after.
 * Only revocation writes here, so issuing JWTs never touches the database.
 *
 * <p>Several requests may revoke the same jti at once, on one node or several: the losers of a race to
 * redeem one code or refresh one token each revoke the winner's grant. {@link FirstInsert} lets one
 * insert win and the others find the row. The insert runs in its own transaction, so a revocation
 * stays even if the caller's transaction later rolls back: revoking too much is the safe side.
 */
@ApplicationScoped
public class RevocationList {

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Inject
    FirstInsert inserts;

    public void revoke(String jti, Instant expiresAt) {
        if (!isRevoked(jti)) {
            inserts.insert(new RevokedToken(jti, expiresAt), RevokedToken.class, jti);
        }
    }

    public boolean isRevoked(String jti) {
        return em.find(RevokedToken.class, jti) != null;
    }
}
