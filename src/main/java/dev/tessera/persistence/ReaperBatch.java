package dev.tessera.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * One bounded delete: select up to {@code limit} expired ids through the expiry index, delete them by
 * id. Portable JPQL (no DELETE ... LIMIT, which PostgreSQL lacks).
 */
@ApplicationScoped
public class ReaperBatch {

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int delete(ExpiringState table, Instant now, int limit) {
        List<?> ids = em.createQuery("SELECT e." + table.idAttribute() + " FROM " + table.entity() + " e WHERE e."
                        + table.expiryAttribute() + " < :now")
                .setParameter("now", now).setMaxResults(limit).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM " + table.entity() + " e WHERE e." + table.idAttribute() + " IN :ids")
                .setParameter("ids", ids).executeUpdate();
    }
}
