package dev.tessera.user;

import dev.tessera.config.LoginSettings;
import jakarta.persistence.EntityManager;
import java.time.Clock;

/** The user package's JPA classes on a given EntityManager, for the database test outside the container. */
public final class JpaUsers {
    private JpaUsers() {
    }

    public static UserRepository repository(EntityManager em) {
        UserRepository repository = new UserRepository();
        repository.em = em;
        return repository;
    }

    public static LoginFailures.Writer failureWriter(EntityManager em) {
        LoginFailures.Writer writer = new LoginFailures.Writer();
        writer.em = em;
        return writer;
    }

    /** The login throttle over the real counters table (every write on {@code em}, in the caller's transaction). */
    public static LoginThrottle throttle(EntityManager em, LoginSettings settings, Clock clock) {
        LoginFailures failures = new LoginFailures();
        failures.em = em;
        failures.writer = failureWriter(em);
        LoginThrottle throttle = new LoginThrottle();
        throttle.failures = failures;
        throttle.settings = settings;
        throttle.clock = clock;
        return throttle;
    }
}
