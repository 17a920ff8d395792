package dev.tessera.persistence;

import dev.tessera.config.StorageSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps short-lived state bounded: every {@code tessera.storage.reap-interval} it deletes expired rows
 * of each {@link ExpiringState} in batches of {@code tessera.storage.reap-batch}, each batch its own
 * short transaction, so a large backlog never holds long locks. Every node runs it; deleting a row
 * twice is harmless. Scheduled as a {@link RepeatingTask}, never as a periodic task (issue 25).
 */
@ApplicationScoped
public class StorageReaper {
    private static final Logger LOG = Logger.getLogger(StorageReaper.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Instance<ExpiringState> tables;

    @Inject
    ReaperBatch batch;

    @Inject
    StorageSettings settings;

    @Inject
    Clock clock;

    private RepeatingTask task;

    void onSchemaReady(@Observes SchemaMigrated event) {
        task = RepeatingTask.every(executor, settings.reapInterval(), "Reaping expired state", this::reapAll);
    }

    /** Removes every expired row now; returns how many. */
    public int reapAll() {
        int total = 0;
        try {
            for (ExpiringState table : tables) {
                int deleted;
                do {
                    deleted = batch.delete(table, clock.instant(), settings.reapBatch());
                    total += deleted;
                } while (deleted == settings.reapBatch());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reaping expired state failed; will retry", e);
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
