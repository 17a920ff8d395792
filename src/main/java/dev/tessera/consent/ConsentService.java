package dev.tessera.consent;

import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditLog;
import dev.tessera.audit.AuditType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Remembered consent per user, client and scope. Approving adds to what was approved before; a request
 * for a scope never approved shows the consent page again.
 */
@ApplicationScoped
public class ConsentService {
    static final String SCOPE = "scope";

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

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
        audit.record(AuditEvent.now(AuditType.CONSENT_GRANTED, subject, subject, clientId, null, Map.of(SCOPE, String.join(" ", scopes))));
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
        int revoked = em.createQuery("DELETE FROM Consent c WHERE c.subject = :s").setParameter("s", subject).executeUpdate();
        if (revoked > 0) {
            audit.record(AuditEvent.now(AuditType.CONSENT_REVOKED, "system", subject, null, null, Map.of("clients", Integer.toString(revoked))));
        }
    }
}
