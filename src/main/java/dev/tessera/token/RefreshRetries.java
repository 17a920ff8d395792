package dev.tessera.token;

import dev.tessera.client.Client;
import dev.tessera.config.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The refresh token reuse interval (docs/security.md). RFC 9700 §4.14.2 makes a rotated token presented again
 * a sign of theft, so by default it revokes the family. A client whose refresh answer was lost (the node died
 * mid-request, the connection dropped) then loses its user's grant through no fault of its own. Within a
 * client's interval after the rotation, and only while the successor it never received was never used, the
 * rotated token is therefore taken as a retry: the unseen successor is revoked and a fresh one issued in its
 * place. After the interval, or once the successor was used, presenting it is reuse as before. The replaced
 * successor is not deleted but marked consumed at {@link #REPLACED}: whoever presents it later (the client that
 * did receive it, when a thief retried first) is reuse, and the family goes, the thief's token with it.
 *
 * <p>Retries of one token are serialised on its row (an update that changes nothing but takes the row lock
 * until the commit, on any node), so however many arrive at once the family keeps exactly one live successor.
 */
@ApplicationScoped
public class RefreshRetries {
    /** The consumption time of a successor replaced by a retry: never within any interval, never "used". */
    static final Instant REPLACED = Instant.EPOCH;

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Inject
    TokenSettings settings;

    @Inject
    RevocationList revocations;

    /**
     * Must run in the transaction that then issues the successor, so the row lock covers it.
     *
     * @return the grant to issue a fresh successor from, or empty when this presentation is reuse
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RefreshGrant> retry(RefreshToken token, Client client, Instant now) {
        Duration interval = interval(client);
        if (interval.isZero() || !now.isBefore(token.expiresAt())) {
            return Optional.empty();
        }
        int withinInterval = em.createQuery("UPDATE RefreshToken t SET t.consumedAt = t.consumedAt"
                        + " WHERE t.hash = :h AND t.consumedAt IS NOT NULL AND t.consumedAt > :cutoff")
                .setParameter("h", token.hash()).setParameter("cutoff", now.minus(interval)).executeUpdate();
        if (withinInterval == 0) {
            return Optional.empty();
        }
        List<RefreshToken> successors = em.createQuery("SELECT t FROM RefreshToken t WHERE t.parentHash = :h", RefreshToken.class)
                .setParameter("h", token.hash()).getResultList();
        if (successors.stream().anyMatch(s -> s.consumedAt() != null && !REPLACED.equals(s.consumedAt()))) {
            return Optional.empty(); // the successor was used: whoever presents its parent now holds a stolen copy
        }
        List<RefreshToken> unseen = successors.stream().filter(s -> s.consumedAt() == null).toList();
        unseen.forEach(revocations::revokeAccessTokenOf);
        int replaced = em.createQuery("UPDATE RefreshToken t SET t.consumedAt = :replaced WHERE t.parentHash = :h AND t.consumedAt IS NULL")
                .setParameter("replaced", REPLACED).setParameter("h", token.hash()).executeUpdate();
        if (replaced != unseen.size()) {
            return Optional.empty(); // a successor was used while this retry ran
        }
        return Optional.of(token.grant().rotatedFrom(token.hash()));
    }

    private Duration interval(Client client) {
        Integer seconds = client.refreshTokenReuseIntervalSeconds();
        return seconds != null ? Duration.ofSeconds(seconds) : settings.refreshTokenReuseInterval();
    }
}
