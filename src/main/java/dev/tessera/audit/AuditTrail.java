package dev.tessera.audit;

import dev.tessera.config.AuditSettings;
import dev.tessera.metrics.Meters;
import dev.tessera.persistence.ApplicationStopping;
import dev.tessera.persistence.RepeatingTask;
import dev.tessera.persistence.SchemaMigrated;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Persists audit events asynchronously: the observer only queues the event (never blocks, never throws, never
 * joins the request's transaction), and every {@code tessera.audit.flush-interval} the queue is written in
 * batches of {@code tessera.audit.batch-size}, one short transaction each ({@link AuditChain#append}), then
 * exported. A batch that cannot be written, or an event the full queue cannot take, is lost to the table but
 * not to the log (every event already has its line on the {@code dev.tessera.audit} logger) and is counted
 * in {@link #failedWrites()}, served as {@code tessera_audit_write_failures_total}.
 */
@ApplicationScoped
public class AuditTrail {
    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    AuditChain chain;

    @Inject
    AuditExports exports;

    @Inject
    AuditSettings settings;

    @Inject
    IssuedTokens issuedTokens;

    @Inject
    Meters meters;

    private BlockingQueue<AuditEvent> queue;
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private RepeatingTask task;

    @PostConstruct
    void init() {
        queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        FunctionCounter.builder("tessera.audit.write.failures", failed, AtomicLong::doubleValue)
                .description("Audit events that did not reach the audit table (write failed or queue full); their log lines remain")
                .register(meters.registry());
        FunctionCounter.builder("tessera.audit.events.written", written, AtomicLong::doubleValue)
                .description("Audit events written to the audit table by this node").register(meters.registry());
        Gauge.builder("tessera.audit.queue", () -> queue.size()).description("Audit events waiting to be written")
                .register(meters.registry());
    }

    void onEvent(@Observes AuditEvent event) {
        if (!queue.offer(event)) {
            failed.incrementAndGet();
        }
    }

    void onSchemaReady(@Observes SchemaMigrated event) {
        // A chain of one-shot tasks, never a periodic one (persistence/RepeatingTask, issue 25).
        task = RepeatingTask.every(executor, settings.flushInterval(), "Audit trail writer", this::flush);
    }

    /** Writes what is queued now; returns how many events were stored. */
    public int flush() {
        issuedTokens.flushCompletedMinutes();
        int stored = 0;
        List<AuditEvent> batch = new ArrayList<>(settings.batchSize());
        while (queue.drainTo(batch, settings.batchSize()) > 0) {
            try {
                List<AuditRecord> rows = chain.append(batch);
                stored += rows.size();
                written.addAndGet(rows.size());
                exports.export(rows);
            } catch (RuntimeException e) {
                failed.addAndGet(batch.size());
                LOG.warning(() -> "Writing " + batch.size() + " audit events failed; they are in the log only: " + e);
            }
            batch.clear();
        }
        return stored;
    }

    /** Events that never reached the table since start: a write failed or the queue was full. */
    public long failedWrites() {
        return failed.get();
    }

    /**
     * The final batch, while the database is still there (persistence/ApplicationStopping; the task has stopped),
     * with the client-credentials counts of the minute that will not end on this node.
     */
    void onStopping(@Observes ApplicationStopping event) {
        if (task != null) {
            task.stop();
            issuedTokens.flushAll();
            flush();
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.stop();
        }
    }
}
