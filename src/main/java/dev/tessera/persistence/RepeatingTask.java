package dev.tessera.persistence;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A background job that runs every {@code period} on the container's managed scheduled executor, as a chain of
 * one-shot tasks: each run schedules the next when it ends. Never {@code scheduleWithFixedDelay} or
 * {@code scheduleAtFixedRate}: the concurrency runtime of Payara (glassfish-concurro 3.x, issue 182) re-queues a
 * periodic task before it resets the run's context, so the reset can meet the next run's context instead of its
 * own and fail with {@code InvocationException: No invocation on invocation stack}; the failing reset kills the
 * pool thread, and every later run of that task fails the same way on a new one (Thread-1, Thread-2, ...): the
 * error storm of issue 25. A one-shot task has no next run while it resets. Each run is submitted from the
 * previous one, a managed thread of the application, so it carries the application's context.
 *
 * <p>Every task of the application stops when it does ({@link #stopAll}, from {@link StopSignal}), before the
 * persistence unit closes, and {@link #stop} waits for a run in progress: a run that met a closed
 * EntityManagerFactory during undeployment used to leave its failure in the log.
 */
public final class RepeatingTask {
    private static final Logger LOG = Logger.getLogger(RepeatingTask.class.getName());
    /** The longest {@link #stop} waits for a run in progress; the jobs' runs take milliseconds. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** The application's running tasks (one set per deployment: each has its own class loader). */
    private static final Set<RepeatingTask> LIVE = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService executor;
    private final Runnable work;
    private final Duration period;
    private final String name;
    private final ReentrantLock running = new ReentrantLock();
    private ScheduledFuture<?> next;
    private boolean stopped;

    private RepeatingTask(ScheduledExecutorService executor, Runnable work, Duration period, String name) {
        this.executor = executor;
        this.work = work;
        this.period = period;
        this.name = name;
    }

    /** Runs {@code work} after {@code period}, then again {@code period} after each run ends, until {@link #stop}. */
    public static RepeatingTask every(ScheduledExecutorService executor, Duration period, String name, Runnable work) {
        RepeatingTask task = new RepeatingTask(executor, work, period, name);
        LIVE.add(task);
        task.scheduleNext();
        return task;
    }

    private void runOnce() {
        running.lock();
        try {
            if (!isStopped()) {
                work.run();
            }
        } catch (RuntimeException e) {
            // The job's own handling should have caught it; the chain must not end because it did not.
            LOG.log(Level.WARNING, name + " failed; will run again in " + period, e);
        } finally {
            running.unlock();
            scheduleNext();
        }
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    private synchronized void scheduleNext() {
        if (stopped) {
            return;
        }
        try {
            next = executor.schedule(this::runOnce, period.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, name + " not rescheduled: the executor is shutting down", e);
        }
    }

    /** No further run starts; returns once a run in progress has completed (at most {@link #STOP_WAIT}). */
    public void stop() {
        synchronized (this) {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
        }
        LIVE.remove(this);
        if (running.isHeldByCurrentThread()) {
            return; // stopped by its own run
        }
        try {
            if (running.tryLock(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                running.unlock();
            } else {
                LOG.warning(() -> name + " still running after " + STOP_WAIT + "; stopping without it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops every task of the application, each after its run in progress. */
    public static void stopAll() {
        LIVE.forEach(RepeatingTask::stop);
    }
}
