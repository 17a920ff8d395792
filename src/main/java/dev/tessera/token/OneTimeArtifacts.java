package dev.tessera.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * The two writes every {@link OneTimeArtifact} goes through. Consuming is one atomic
 * {@code UPDATE ... WHERE consumed_at IS NULL}: of any number of parallel redemptions on any number of
 * nodes exactly one changes the row (RFC 6749 §4.1.2: "The client MUST NOT use the authorization code more
 * than once"; RFC 9700 §4.14.2: a rotated refresh token used again is reuse; a device code redeems once
 * like a code). Recording the access token issued on redemption lets a later replay revoke it.
 */
@ApplicationScoped
public class OneTimeArtifacts {

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Inject
    Clock clock;

    /** @return whether this call consumed the artifact; false when it was consumed before (or does not exist) */
    @Transactional
    public boolean consume(Class<? extends OneTimeArtifact> type, String hash, Instant now) {
        String entity = em.getMetamodel().entity(type).getName();
        return em.createQuery("UPDATE " + entity + " a SET a.consumedAt = :now WHERE a.hash = :h AND a.consumedAt IS NULL")
                .setParameter("now", now).setParameter("h", hash).executeUpdate() == 1;
    }

    /**
     * Remembers the access token issued on the artifact's redemption and its expiry, so a replay can revoke it: one
     * statement on the row by its key (a row reaped meanwhile changes nothing).
     */
    @Transactional
    public void recordAccessToken(OneTimeArtifact artifact, IssuedAccessToken access) {
        String entity = em.getMetamodel().entity(artifact.getClass()).getName();
        em.createQuery("UPDATE " + entity + " a SET a.accessJti = :jti, a.accessExpiresAt = :until WHERE a.hash = :h")
                .setParameter("jti", access.jti()).setParameter("until", clock.instant().plusSeconds(access.expiresIn()))
                .setParameter("h", artifact.hash()).executeUpdate();
    }
}
