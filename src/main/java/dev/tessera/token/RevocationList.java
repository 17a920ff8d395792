package dev.tessera.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Revoked JWT access tokens by jti (RFC 7009 §2), until their exp; the reaper removes them after.
 * Only revocation writes here, so issuing JWTs never touches the database.
 */
@ApplicationScoped
public class RevocationList {

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Transactional
    public void revoke(String jti, Instant expiresAt) {
        if (em.find(RevokedToken.class, jti) == null) {
            em.persist(new RevokedToken(jti, expiresAt));
        }
    }

    public boolean isRevoked(String jti) {
        return em.find(RevokedToken.class, jti) != null;
    }
}
