package dev.tessera.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs the outcomes anyone can cause at will and that are no fault of the server (a replayed jti, a lost
 * race, a duplicate) as one line per kind and minute at most, with how many there were, so an attacker
 * repeating one request cannot fill the disk. The first of a kind is logged at once; the ones after it are
 * counted and reported with the first one after the minute has passed. Never a stack trace, never the value.
 */
@ApplicationScoped
public class ExpectedOutcomes {
    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(ExpectedOutcomes.class.getName());

    private final ConcurrentMap<String, Tally> tallies = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    /** One more outcome of {@code kind} (a fixed phrase such as "replayed client-assertion jti"). */
    public void note(String kind) {
        tallies.computeIfAbsent(kind, k -> new Tally()).add(kind, clock.instant());
    }

    /** The outcomes of one kind since its last line. */
    private static final class Tally {
        final AtomicLong count = new AtomicLong();
        final AtomicReference<Instant> nextLine = new AtomicReference<>(Instant.MIN);

        void add(String kind, Instant now) {
            count.incrementAndGet();
            Instant due = nextLine.get();
            if (now.isBefore(due) || !nextLine.compareAndSet(due, now.plus(INTERVAL))) {
                return;
            }
            LOG.log(Level.INFO, "{0} x {1} refused (expected under attack or retries; logged at most once a minute)",
                    new Object[] {count.getAndSet(0), kind});
        }
    }
}
