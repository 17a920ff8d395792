package dev.tessera.session;

import dev.tessera.config.SessionSettings;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;

/** The session package's JPA service on a given EntityManager and clock, for the database tests outside the container. */
public final class JpaSessions {
    public static final SessionSettings SETTINGS = new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(10), Duration.ofDays(14),
            Duration.ofMinutes(10), Duration.ofSeconds(60));

    private JpaSessions() {
    }

    public static SessionService service(EntityManager em, Clock clock) {
        SessionService sessions = new SessionService();
        sessions.em = em;
        sessions.settings = SETTINGS;
        sessions.clock = clock;
        return sessions;
    }
}
