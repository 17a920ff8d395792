package dev.tessera.session;

import dev.tessera.config.LogoutSettings;
import dev.tessera.persistence.RepeatingTask;
import dev.tessera.persistence.SchemaMigrated;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends sessions past their idle or absolute expiry every {@code tessera.session.expiry-check-interval}, through the
 * same path as a logout, so the applications that took part hear of it (issue 19 point 4). The storage reaper used to
 * delete such rows silently; sessions are no longer an {@code ExpiringState} for that reason. Every node runs it; the
 * delete by id in {@link SessionService} lets exactly one node announce each session's end.
 */
@ApplicationScoped
public class SessionExpiry {
    private static final Logger LOG = Logger.getLogger(SessionExpiry.class.getName());
    static final int BATCH = 100;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    SessionService sessions;

    @Inject
    LogoutSettings settings;

    @Inject
    Clock clock;

    private RepeatingTask task;

    void onSchemaReady(@Observes SchemaMigrated event) {
        // A chain of one-shot tasks, never a periodic one (persistence/RepeatingTask, issue 25).
        task = RepeatingTask.every(executor, settings.expiryCheckInterval(), "Session expiry sweep", this::endExpired);
    }

    /** Ends every expired session now; returns how many. */
    public int endExpired() {
        int total = 0;
        try {
            int ended;
            do {
                ended = sessions.endExpired(clock.instant(), BATCH);
                total += ended;
            } while (ended == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ending expired sessions failed; will retry", e);
        }
        return total;
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.stop();
        }
    }
}
