package dev.tessera.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Set;

/**
 * Remembered consent per user, client and scope. Approving adds to what was approved before; a request
 * for a scope never approved shows the consent page again.
 */
@ApplicationScoped
public class ConsentService {

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Inject
    Clock clock;

    public boolean covers(String subject, String clientId, Set<String> scopes) {
        Consent consent = em.find(Consent.class, new Consent.Key(subject, clientId));
        return consent != null && consent.scopes().containsAll(scopes);
    }

    @Transactional
    public void grant(String subject, String clientId, Set<String> scopes) {
        Consent consent = em.find(Consent.class, new Consent.Key(subject, clientId));
        if (consent == null) {
            em.persist(new Consent(subject, clientId, scopes, clock.instant()));
        } else {
            consent.add(scopes, clock.instant());
        }
    }

    @Transactional
    public void revokeAll(String subject) {
        em.createQuery("DELETE FROM Consent c WHERE c.subject = :s").setParameter("s", subject).executeUpdate();
    }
}
