package dev.tessera.persistence;

import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Remembers one-time identifiers (a client assertion's jti, RFC 7523 §3 item 7: "The authorization
 * server MAY ensure that JWTs are not replayed by maintaining the set of used jti values for the
 * length of time for which the JWT would be considered valid") across every node: the primary key of
 * replay_entry makes the second insert fail wherever it runs.
 */
@ApplicationScoped
public class ReplayGuard {

    @Inject
    ReplayStore store;

    /**
     * @return true the first time {@code purpose} and {@code id} are seen, false on every later call
     */
    public boolean firstUse(String purpose, String id, Instant expiresAt) {
        String key = Secrets.sha256Hex(purpose + "\u0000" + id);
        try {
            store.insert(key, expiresAt);
            return true;
        } catch (RuntimeException duplicate) {
            if (store.exists(key)) {
                return false;
            }
            throw duplicate;
        }
    }

    /** The insert in its own transaction, so a duplicate does not doom the caller's. */
    @ApplicationScoped
    public static class ReplayStore {
        @PersistenceContext(unitName = "tessera")
        EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void insert(String key, Instant expiresAt) {
            em.persist(new ReplayEntry(key, expiresAt));
            em.flush();
        }

        public boolean exists(String key) {
            return em.find(ReplayEntry.class, key) != null;
        }
    }
}
