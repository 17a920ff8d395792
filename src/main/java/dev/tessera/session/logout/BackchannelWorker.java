package dev.tessera.session.logout;

import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditLog;
import dev.tessera.audit.AuditType;
import dev.tessera.client.Client;
import dev.tessera.client.ClientDirectory;
import dev.tessera.config.LogoutSettings;
import dev.tessera.metrics.TesseraMetrics;
import dev.tessera.persistence.ApplicationStopping;
import dev.tessera.persistence.RepeatingTask;
import dev.tessera.persistence.SchemaMigrated;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * Delivers the outbox, on every node: every {@code tessera.logout.backchannel.poll-interval}, and at once on the
 * node where a session just ended. Each due row is claimed (one attempt, on one node), posted on the managed
 * executor, and its outcome recorded: delivered; or retried after a back-off doubling from
 * {@code initial-backoff} to {@code max-backoff}; or given up after {@code max-attempts}. Retries live in the
 * table rather than in a Fault Tolerance {@code @Retry}: an in-memory retry holds a thread while it sleeps and
 * dies with the node, a row does neither.
 */
@ApplicationScoped
public class BackchannelWorker {
    private static final Logger LOG = Logger.getLogger(BackchannelWorker.class.getName());
    static final int BATCH = 50;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Inject
    DeliveryStore store;

    @Inject
    ClientDirectory clients;

    @Inject
    LogoutTokens tokens;

    @Inject
    BackchannelSender sender;

    @Inject
    LogoutSettings settings;

    @Inject
    AuditLog audit;

    @Inject
    TesseraMetrics metrics;

    @Resource
    ManagedThreadFactory threads;

    private final BlockingQueue<Boolean> wakeups = new ArrayBlockingQueue<>(1);
    private volatile Thread waker;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private RepeatingTask task;

    void onSchemaReady(@Observes SchemaMigrated event) {
        // A chain of one-shot tasks, never a periodic one (persistence/RepeatingTask, issue 25).
        task = RepeatingTask.every(scheduler, settings.pollInterval(), "Back-channel logout deliveries", this::deliverDue);
        waker = threads.newThread(this::wakeLoop);
        waker.setName("tessera-backchannel-waker");
        waker.start();
    }

    /**
     * Looks at the outbox now, on another thread: the waker thread made at start-up. Never a task submitted here:
     * wake() runs in the request that ended a session (a Faces page among them), and a managed task submitted from
     * it runs with that request's invocation, whose end then closed the request's EntityManager under it (a
     * console "end session" answered with a closed EntityManager, intermittently, on PostgreSQL).
     */
    public void wake() {
        wakeups.offer(Boolean.TRUE);
    }

    /** The waker thread's loop: one outbox pass per wake-up (wake-ups meanwhile collapse into one). */
    private void wakeLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                wakeups.take();
                deliverDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Claims and starts every due delivery; one pass at a time per node, repeated when woken meanwhile. */
    void deliverDue() {
        again.set(true);
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            while (again.getAndSet(false)) {
                for (String id : store.due(BATCH)) {
                    LogoutDelivery claimed = store.claim(id);
                    if (claimed != null) {
                        executor.execute(() -> attempt(claimed));
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading the back-channel logout outbox failed; will retry", e);
        } finally {
            running.set(false);
        }
    }

    void attempt(LogoutDelivery delivery) {
        try {
            Optional<Client> client = clients.find(delivery.clientId()).filter(Client::enabled).filter(c -> c.backchannelLogoutUri() != null);
            String error;
            if (client.isEmpty()) {
                error = "client no longer registered for back-channel logout";
            } else {
                String token = tokens.issue(client.get(), delivery.subject(), delivery.sid(), delivery.id());
                error = sender.post(URI.create(client.get().backchannelLogoutUri()), token).error();
            }
            int attempts = client.isEmpty() ? settings.maxAttempts() : delivery.attempts();
            DeliveryStatus status = store.outcome(delivery.id(), attempts, error);
            report(delivery, status, error);
        } catch (BulkheadException e) {
            store.release(delivery.id());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Back-channel logout delivery " + delivery.id() + " failed; will retry", e);
            store.outcome(delivery.id(), delivery.attempts(), "internal error");
        }
    }

    private void report(LogoutDelivery d, DeliveryStatus status, String error) {
        metrics.logoutDelivery(d.clientId(), status == DeliveryStatus.PENDING ? "retry" : status.wireName());
        Map<String, String> detail = error == null ? Map.of("delivery", d.id(), "attempts", Integer.toString(d.attempts()))
                : Map.of("delivery", d.id(), "attempts", Integer.toString(d.attempts()), "error", error);
        if (status == DeliveryStatus.DELIVERED) {
            audit.record(AuditEvent.now(AuditType.LOGOUT_PROPAGATED, "system", d.subject(), d.clientId(), null, detail));
        } else if (status == DeliveryStatus.GIVEN_UP) {
            audit.record(AuditEvent.now(AuditType.LOGOUT_GIVEN_UP, "system", d.subject(), d.clientId(), null, detail));
        } else {
            LOG.info(() -> "Back-channel logout to " + d.clientId() + " failed (" + error + "), attempt " + d.attempts() + "; will retry");
        }
    }

    /** The waker too ends before the persistence unit closes (persistence/ApplicationStopping). */
    void onStopping(@Observes ApplicationStopping event) {
        stop();
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.stop();
        }
        if (waker != null) {
            waker.interrupt();
        }
    }
}
