package dev.tessera.audit;

import dev.tessera.config.AuditSettings;
import dev.tessera.config.StorageSettings;
import dev.tessera.persistence.RepeatingTask;
import dev.tessera.persistence.SchemaMigrated;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Retention by age ({@code tessera.audit.retention}, zero keeps everything): every
 * {@code tessera.storage.reap-interval} the rows older than that are deleted from the oldest end in batches
 * of {@code tessera.storage.reap-batch}, each batch one transaction under the chain's lock, and the anchor
 * keeps the hash of the last deleted row so what remains still verifies ({@link ChainStore#trim}). Each
 * cut is itself recorded ({@code audit.trimmed}). Every node runs it; the lock makes that harmless.
 */
@ApplicationScoped
public class AuditRetention {
    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());
    static final String DELETED = "deleted";

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    AuditChain chain;

    @Inject
    AuditLog audit;

    @Inject
    AuditSettings settings;

    @Inject
    StorageSettings storage;

    @Inject
    Clock clock;

    private RepeatingTask task;

    void onSchemaReady(@Observes SchemaMigrated event) {
        if (!settings.retention().isZero()) {
            // A chain of one-shot tasks, never a periodic one (persistence/RepeatingTask, issue 25).
            task = RepeatingTask.every(executor, storage.reapInterval(), "Audit retention", this::trim);
        }
    }

    /** Deletes what is past retention now; returns how many rows. */
    public int trim() {
        int total = 0;
        try {
            int deleted;
            do {
                deleted = chain.trim(clock.instant().minus(settings.retention()), storage.reapBatch());
                total += deleted;
            } while (deleted == storage.reapBatch());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit retention failed; will retry", e);
        }
        if (total > 0) {
            audit.record(AuditEvent.now(AuditType.AUDIT_TRIMMED, "system", null, null, null,
                    Map.of(DELETED, Integer.toString(total), "retention", settings.retention().toString())));
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
