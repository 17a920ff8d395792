package dev.tessera.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The only writer of login_failure. Each change is its own short transaction (so a failed login is
 * counted even when the caller's work rolls back) and runs under a row lock, so two nodes counting the
 * same key at once both count. The first failure of a key inserts its row; two nodes inserting together
 * make one of them fail on the primary key, and that one retries as an update.
 */
@ApplicationScoped
public class LoginFailures {
    private static final int ATTEMPTS = 3;

    @Inject
    Writer writer;

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    public Optional<LoginFailure> find(String keyHash) {
        return Optional.ofNullable(em.find(LoginFailure.class, keyHash));
    }

    /** Applies {@code change} to the key's row, created first when missing. */
    public void update(String keyHash, Instant now, Consumer<LoginFailure> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                writer.update(keyHash, now, change);
                return;
            } catch (RuntimeException raceOrDeadlock) {
                if (attempt >= ATTEMPTS) {
                    throw raceOrDeadlock;
                }
            }
        }
    }

    public void clear(String keyHash) {
        writer.clear(keyHash);
    }

    /** Deletes every key that starts with this prefix (hex, so no LIKE wildcard can be in it). */
    public void clearPrefix(String prefix) {
        writer.clearPrefix(prefix);
    }

    /** Separate bean so each call gets its own transaction (a call to oneself bypasses the interceptor). */
    @ApplicationScoped
    public static class Writer {
        @PersistenceContext(unitName = "tessera")
        EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void update(String keyHash, Instant now, Consumer<LoginFailure> change) {
            LoginFailure row = em.find(LoginFailure.class, keyHash, LockModeType.PESSIMISTIC_WRITE);
            if (row == null) {
                row = new LoginFailure(keyHash, now);
                change.accept(row);
                em.persist(row);
                em.flush();
            } else {
                change.accept(row);
            }
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void clear(String keyHash) {
            em.createQuery("DELETE FROM LoginFailure f WHERE f.keyHash = :k").setParameter("k", keyHash).executeUpdate();
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void clearPrefix(String prefix) {
            em.createQuery("DELETE FROM LoginFailure f WHERE f.keyHash LIKE :p").setParameter("p", prefix + "%").executeUpdate();
        }
    }
}
