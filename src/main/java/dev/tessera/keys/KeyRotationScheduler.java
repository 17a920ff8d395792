package dev.tessera.keys;

import dev.tessera.config.KeySettings;
import dev.tessera.persistence.RepeatingTask;
import dev.tessera.persistence.SchemaMigrated;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the first keys as soon as the schema exists, then runs the rotation check on every node
 * every {@code tessera.keys.check-interval}. Each run also reloads the key ring, which is how a node
 * learns of keys another node created. No restart is ever needed. Scheduled as a {@link RepeatingTask}, never as a
 * periodic task of the managed executor (issue 25).
 */
@ApplicationScoped
public class KeyRotationScheduler {
    private static final Logger LOG = Logger.getLogger(KeyRotationScheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    KeyRotationService rotation;

    @Inject
    KeySettings settings;

    private RepeatingTask task;

    void onSchemaReady(@Observes SchemaMigrated event) {
        check();
        task = RepeatingTask.every(executor, settings.checkInterval(), "Signing key rotation check", this::check);
    }

    /** Never throws: an exception would cancel the schedule for good. */
    void check() {
        try {
            rotation.runScheduledCheck();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Signing key rotation check failed; will retry", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.stop();
        }
    }
}
