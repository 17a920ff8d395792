package dev.tessera.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Revoked JWT access tokens by jti (RFC 7009 §2), until their exp; the reaper removes them after.
 * Only revocation writes here, so issuing JWTs never touches the database.
 *
 * <p>Several requests may revoke the same jti at once, on one node or several: the losers of a race to
 * redeem one code or refresh one token each revoke the winner's grant. The primary key lets one insert
 * win; the others find the row and are content. The insert runs in its own transaction so that a
 * duplicate does not doom the caller's, which also means a revocation stays even if the caller's
 * transaction later rolls back: revoking too much is the safe side.
 */
@ApplicationScoped
public class RevocationList {

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Inject
    RevokedTokenStore store;

    public void revoke(String jti, Instant expiresAt) {
        if (isRevoked(jti)) {
            return;
        }
        try {
            store.insert(jti, expiresAt);
        } catch (RuntimeException duplicate) {
            if (!store.existsNow(jti)) {
                throw duplicate;
            }
        }
    }

    public boolean isRevoked(String jti) {
        return em.find(RevokedToken.class, jti) != null;
    }

    /** The writes, each in a transaction of its own. */
    @ApplicationScoped
    public static class RevokedTokenStore {
        @PersistenceContext(unitName = "tessera")
        EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void insert(String jti, Instant expiresAt) {
            em.persist(new RevokedToken(jti, expiresAt));
            em.flush();
        }

        /** Read in a new transaction, so a row another one committed meanwhile is seen (also under MariaDB's repeatable read). */
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public boolean existsNow(String jti) {
            return em.find(RevokedToken.class, jti) != null;
        }
    }
}
