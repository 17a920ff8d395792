package dev.tessera.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
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

    /** A user's remembered consents, by client. */
    public List<Consent> of(String subject) {
        return em.createQuery("SELECT c FROM Consent c WHERE c.subject = :s ORDER BY c.clientId", Consent.class)
                .setParameter("s", subject).getResultList();
    }

    /** Forgets a user's consent for one client; false when there was none. */
    @Transactional
    public boolean revoke(String subject, String clientId) {
        return em.createQuery("DELETE FROM Consent c WHERE c.subject = :s AND c.clientId = :c")
                .setParameter("s", subject).setParameter("c", clientId).executeUpdate() == 1;
    }

    @Transactional
    public void revokeAll(String subject) {
        em.createQuery("DELETE FROM Consent c WHERE c.subject = :s").setParameter("s", subject).executeUpdate();
    }
}
