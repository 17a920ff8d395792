package dev.tessera.session;

import dev.tessera.config.SessionSettings;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The session package's JPA service on a given EntityManager and clock, for the database tests outside the container. */
public final class JpaSessions {
    public static final SessionSettings SETTINGS = new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(10), Duration.ofDays(14),
            Duration.ofMinutes(10), Duration.ofSeconds(60));

    private JpaSessions() {
    }

    public static SessionService service(EntityManager em, Clock clock) {
        return service(em, clock, new ArrayList<>());
    }

    /** A service whose announced session ends land in {@code ended}. */
    public static SessionService service(EntityManager em, Clock clock, List<SessionEnded> ended) {
        SessionService sessions = new SessionService();
        sessions.em = em;
        sessions.settings = SETTINGS;
        sessions.clock = clock;
        sessions.ended = new Recording(ended);
        return sessions;
    }

    /** Records fired events; the container's Event is not available outside it. */
    private record Recording(List<SessionEnded> fired) implements Event<SessionEnded> {
        @Override
        public void fire(SessionEnded event) {
            fired.add(event);
        }

        @Override
        public <U extends SessionEnded> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends SessionEnded> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<SessionEnded> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends SessionEnded> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends SessionEnded> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
