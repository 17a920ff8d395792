package dev.tessera.session.logout;

import dev.tessera.config.LogoutSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outbox's rows, each change its own short transaction except {@link #add}, which joins the caller's (the
 * transaction that ends the session). Claiming a row is one conditional update, so on any number of nodes exactly
 * one worker attempts a delivery at a time; the claim is a lease: a node that dies mid-attempt leaves the row due
 * again once the lease has passed, and another node delivers it.
 */
@ApplicationScoped
public class DeliveryStore {

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Inject
    LogoutSettings settings;

    @Inject
    Clock clock;

    /** A new pending delivery, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String clientId, String subject, String sid, String reason) {
        Instant now = clock.instant();
        em.persist(new LogoutDelivery(UUID.randomUUID().toString(), clientId, subject, sid, reason, now,
                now.plus(settings.retention())));
    }

    /** Ids of pending deliveries due now, oldest first. */
    @Transactional
    public List<String> due(int limit) {
        return em.createQuery("SELECT d.id FROM LogoutDelivery d WHERE d.status = :pending AND d.nextAttemptAt <= :now"
                        + " ORDER BY d.nextAttemptAt", String.class)
                .setParameter("pending", DeliveryStatus.PENDING.wireName()).setParameter("now", clock.instant())
                .setMaxResults(limit).getResultList();
    }

    /** Takes a due delivery for one attempt (counted now); null when another worker has it or it is not due. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public LogoutDelivery claim(String id) {
        Instant now = clock.instant();
        Instant lease = now.plus(settings.timeout().multipliedBy(3)).plusSeconds(30);
        int claimed = em.createQuery("UPDATE LogoutDelivery d SET d.attempts = d.attempts + 1, d.nextAttemptAt = :lease,"
                        + " d.updatedAt = :now WHERE d.id = :id AND d.status = :pending AND d.nextAttemptAt <= :now")
                .setParameter("lease", lease).setParameter("now", now).setParameter("id", id)
                .setParameter("pending", DeliveryStatus.PENDING.wireName()).executeUpdate();
        return claimed == 1 ? em.find(LogoutDelivery.class, id) : null;
    }

    /** Records an attempt's outcome: delivered, retried after the back-off, or given up after the last attempt. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DeliveryStatus outcome(String id, int attempts, String error) {
        Instant now = clock.instant();
        DeliveryStatus status = error == null ? DeliveryStatus.DELIVERED
                : attempts >= settings.maxAttempts() ? DeliveryStatus.GIVEN_UP : DeliveryStatus.PENDING;
        Instant next = status == DeliveryStatus.PENDING ? now.plus(settings.backoffAfter(attempts)) : now;
        em.createQuery("UPDATE LogoutDelivery d SET d.status = :status, d.nextAttemptAt = :next, d.lastError = :error,"
                        + " d.updatedAt = :now WHERE d.id = :id")
                .setParameter("status", status.wireName()).setParameter("next", next)
                .setParameter("error", error == null ? null : error.substring(0, Math.min(200, error.length())))
                .setParameter("now", now).setParameter("id", id).executeUpdate();
        return status;
    }

    /** Gives a claimed delivery back untried (the bulkhead was full): its attempt does not count. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String id) {
        em.createQuery("UPDATE LogoutDelivery d SET d.attempts = d.attempts - 1, d.nextAttemptAt = :next WHERE d.id = :id")
                .setParameter("next", clock.instant().plusSeconds(1)).setParameter("id", id).executeUpdate();
    }

    /**
     * An operator's retry: a pending or given-up delivery is due now (the worker takes it at its next poll). Its
     * attempts are not reset, so a given-up one that fails again is given up again after this one attempt.
     *
     * @return false when there is no such delivery, or it was delivered already
     */
    @Transactional
    public boolean retry(String id) {
        Instant now = clock.instant();
        return em.createQuery("UPDATE LogoutDelivery d SET d.status = :pending, d.nextAttemptAt = :now, d.updatedAt = :now"
                        + " WHERE d.id = :id AND d.status <> :delivered")
                .setParameter("pending", DeliveryStatus.PENDING.wireName()).setParameter("now", now).setParameter("id", id)
                .setParameter("delivered", DeliveryStatus.DELIVERED.wireName()).executeUpdate() == 1;
    }

    /** A client's deliveries, newest first. */
    public List<LogoutDelivery> ofClient(String clientId, int limit) {
        return em.createQuery("SELECT d FROM LogoutDelivery d WHERE d.clientId = :c ORDER BY d.createdAt DESC", LogoutDelivery.class)
                .setParameter("c", clientId).setMaxResults(limit).getResultList();
    }

    /** Deliveries in one status, oldest first. */
    public List<LogoutDelivery> inStatus(DeliveryStatus status, int limit) {
        return inStatus(status, 0, limit);
    }

    /** A page of the deliveries in one status, oldest first (the id breaks ties, so pages neither repeat nor skip). */
    public List<LogoutDelivery> inStatus(DeliveryStatus status, int offset, int limit) {
        return em.createQuery("SELECT d FROM LogoutDelivery d WHERE d.status = :s ORDER BY d.createdAt, d.id", LogoutDelivery.class)
                .setParameter("s", status.wireName()).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** How many of a client's deliveries are in a status; with {@code retried}, only those that needed more than one attempt. */
    public long count(String clientId, DeliveryStatus status, boolean retried) {
        return em.createQuery("SELECT COUNT(d) FROM LogoutDelivery d WHERE d.clientId = :c AND d.status = :s AND d.attempts > :a",
                        Long.class)
                .setParameter("c", clientId).setParameter("s", status.wireName()).setParameter("a", retried ? 1 : -1)
                .getSingleResult();
    }
}
