package dev.tessera.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Takes a database-wide lock for the rest of the caller's transaction. */
@ApplicationScoped
public class ClusterLocks {

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    /**
     * Blocks until no other transaction on any node holds the lock, and keeps it until the caller's
     * transaction ends. The caller must already be in a transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire(String name) {
        NamedLock lock = em.find(NamedLock.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (lock == null) {
            throw new IllegalStateException("No lock row '" + name + "' in tessera_lock; is the schema migrated?");
        }
    }
}
