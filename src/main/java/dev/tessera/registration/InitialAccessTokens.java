package dev.tessera.registration;

import dev.tessera.config.RegistrationSettings;
import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The only writer of initial_access_token. Tokens are 256 random bits, shown once and stored as
 * SHA-256. Spending a use is one conditional UPDATE, so the database (not any one node) decides who
 * gets the last use; it runs in the registration's own transaction, so a registration refused for bad
 * metadata gives its use back.
 */
@ApplicationScoped
public class InitialAccessTokens {
    private static final int TOKEN_BYTES = 32;

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Inject
    RegistrationSettings settings;

    @Inject
    Clock clock;

    /** A token just issued; {@code token} is the clear value, never stored or shown again. */
    public record Issued(String id, String token, Instant expiresAt, int uses) {
    }

    @Transactional
    public Issued issue(InitialAccessTokenRequest request) {
        String token = Secrets.random(TOKEN_BYTES);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(request.lifetime().orElse(settings.initialTokenLifetime()));
        InitialAccessToken row = new InitialAccessToken(Secrets.random(12), Secrets.sha256Hex(token), now, expiresAt,
                request.uses());
        em.persist(row);
        return new Issued(row.id(), token, expiresAt, request.uses());
    }

    /**
     * Spends one use of the token.
     *
     * @return false when the token is unknown, expired or used up
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean consume(String token) {
        int spent = em.createQuery("UPDATE InitialAccessToken t SET t.remainingUses = t.remainingUses - 1"
                        + " WHERE t.tokenHash = :hash AND t.remainingUses > 0 AND t.expiresAt > :now")
                .setParameter("hash", Secrets.sha256Hex(token))
                .setParameter("now", clock.instant())
                .executeUpdate();
        return spent == 1;
    }

    /** What an operator may see of a token: never the token, only its id, times and the uses left. */
    public record Listed(String id, Instant createdAt, Instant expiresAt, int remainingUses) {
    }

    /** Tokens newest first, a page at a time (offset and limit on the server; expired ones until they are purged). */
    public List<Listed> list(int offset, int limit) {
        return em.createQuery("SELECT t FROM InitialAccessToken t ORDER BY t.createdAt DESC, t.id", InitialAccessToken.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(t -> new Listed(t.id(), t.createdAt(), t.expiresAt(), t.remainingUses())).toList();
    }

    /** @return false when no token has this id */
    @Transactional
    public boolean revoke(String id) {
        return em.createQuery("DELETE FROM InitialAccessToken t WHERE t.id = :id").setParameter("id", id).executeUpdate() == 1;
    }
}
