package dev.tessera.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * "Only the first one counts", across every node: a row is inserted in a transaction of its own, and
 * its primary key makes every later insert of the same key fail, wherever it runs. A failed insert does
 * not doom the caller's transaction; one that failed because the row is there reports false.
 */
@ApplicationScoped
public class FirstInsert {

    @Inject
    Writer writer;

    /** @return true if {@code entity} (of {@code type}, primary key {@code id}) was inserted now, false if it was there */
    public boolean insert(Object entity, Class<?> type, Object id) {
        try {
            writer.insert(entity);
            return true;
        } catch (RuntimeException duplicate) {
            if (writer.exists(type, id)) {
                return false;
            }
            throw duplicate;
        }
    }

    /** The statements, each in a new transaction. */
    @ApplicationScoped
    public static class Writer {
        @PersistenceContext(unitName = "tessera")
        EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void insert(Object entity) {
            em.persist(entity);
            em.flush();
        }

        /** Read in a new transaction, so a row committed meanwhile is seen (also under MariaDB's repeatable read). */
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public boolean exists(Class<?> type, Object id) {
            return em.find(type, id) != null;
        }
    }
}
