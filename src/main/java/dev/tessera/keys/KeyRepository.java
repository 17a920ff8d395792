package dev.tessera.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The only writer of the signing_key table. */
@ApplicationScoped
public class KeyRepository {

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    /**
     * In a transaction of its own when called outside one: the rotation job runs on a managed executor
     * that re-uses one captured invocation context, and Payara closes a transaction-less entity manager
     * at the end of each run without opening a new one for the next, so from the second run on every
     * read failed with "closed EntityManager" and keys were never reloaded.
     */
    @Transactional
    public List<SigningKey> findAll() {
        return em.createQuery("SELECT k FROM SigningKey k ORDER BY k.activatesAt", SigningKey.class).getResultList();
    }

    public List<SigningKey> findByAlgorithm(SigningAlgorithm algorithm) {
        return em.createQuery("SELECT k FROM SigningKey k WHERE k.algorithm = :alg", SigningKey.class)
                .setParameter("alg", algorithm.jwsName())
                .getResultList();
    }

    public SigningKey find(String kid) {
        return em.find(SigningKey.class, kid);
    }

    public void persist(SigningKey key) {
        em.persist(key);
    }

    public void remove(SigningKey key) {
        em.remove(key);
    }
}
