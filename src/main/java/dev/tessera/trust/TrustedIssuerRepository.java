package dev.tessera.trust;

import dev.tessera.persistence.StorableText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The only writer of the trusted_issuer table. */
@ApplicationScoped
public class TrustedIssuerRepository {

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    public Optional<TrustedIssuer> find(String id) {
        if (!StorableText.storable(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(TrustedIssuer.class, id));
    }

    /** Empty for an issuer no entry can have ({@link StorableText}): {@code iss} comes from a JWT not yet verified. */
    public Optional<TrustedIssuer> findByIssuer(String issuer) {
        if (!StorableText.storable(issuer)) {
            return Optional.empty();
        }
        return em.createQuery("SELECT t FROM TrustedIssuer t WHERE t.issuer = :iss", TrustedIssuer.class)
                .setParameter("iss", issuer).getResultStream().findFirst();
    }

    public List<TrustedIssuer> list(int offset, int limit) {
        return em.createQuery("SELECT t FROM TrustedIssuer t ORDER BY t.id", TrustedIssuer.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public void persist(TrustedIssuer issuer) {
        em.persist(issuer);
    }

    public void remove(String id) {
        find(id).ifPresent(em::remove);
    }
}
