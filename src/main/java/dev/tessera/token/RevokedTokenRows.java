package dev.tessera.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The read behind {@link RevokedJtis}'s reload, in a transaction of its own. Its background job runs on Payara's
 * managed scheduled executor, where a read outside a transaction gets an entity manager kept in the task's
 * invocation and closed when an invocation ends, which the chained runs do not own alone: the likely source of an
 * intermittent "operation on a closed EntityManager" in the CI log canary (docs/issues.md). In a transaction the
 * persistence context is the transaction's and ends with it, as for every other background job.
 */
@ApplicationScoped
public class RevokedTokenRows {
    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    /** The jti and expiry of at most {@code limit} revocations whose token has not expired at {@code now}. */
    @Transactional
    public List<Object[]> unexpired(Instant now, int limit) {
        return em.createQuery("SELECT r.jti, r.expiresAt FROM RevokedToken r WHERE r.expiresAt > :now", Object[].class)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }
}
