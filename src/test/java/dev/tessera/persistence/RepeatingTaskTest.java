package dev.tessera.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.StorageSettings;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 25 point 4: Tessera's background jobs never hand Payara's managed scheduled executor a periodic task (whose
 * context reset races with its own next run in glassfish-concurro 3.x); they run as chains of one-shot tasks.
 */
class RepeatingTaskTest {
    private final ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2);
    private final List<String> calls = new CopyOnWriteArrayList<>();

    /** A managed scheduled executor that runs one-shot tasks and refuses periodic ones, recording every call. */
    private final ManagedScheduledExecutorService strict = (ManagedScheduledExecutorService) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ManagedScheduledExecutorService.class}, (proxy, method, args) -> {
                calls.add(method.getName());
                if (method.getName().startsWith("scheduleAt") || method.getName().startsWith("scheduleWith")) {
                    throw new AssertionError("periodic task handed to the managed executor: " + method.getName());
                }
                try {
                    return ScheduledThreadPoolExecutor.class.getMethod(method.getName(), method.getParameterTypes()).invoke(pool, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void runsAgainAfterEachRunAndAfterAFailureUntilStopped() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Logger.getLogger(RepeatingTask.class.getName()).setLevel(Level.OFF);
        RepeatingTask task = RepeatingTask.every(strict, Duration.ofMillis(5), "test job", () -> {
            if (runs.incrementAndGet() == 2) {
                throw new IllegalStateException("one bad run");
            }
        });
        for (int i = 0; i < 200 && runs.get() < 5; i++) {
            Thread.sleep(10);
        }
        task.stop();
        int stoppedAt = runs.get();
        Thread.sleep(50);

        assertThat(stoppedAt).as("ran on after the failing second run").isGreaterThanOrEqualTo(5);
        assertThat(runs.get()).as("stop returned after the run in flight: none after it").isEqualTo(stoppedAt);
        assertThat(calls).containsOnly("schedule");
        Logger.getLogger(RepeatingTask.class.getName()).setLevel(null);
    }

    /**
     * Undeployment: every task stops when the servlet context is destroyed ({@link StopSignal}), and only once its
     * run in progress has ended, so no run meets the persistence unit the container closes next.
     */
    @Test
    void stopAllReturnsOnlyAfterTheRunInProgressAndNoRunFollows() throws Exception {
        CountDownLatch inRun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        RepeatingTask.every(strict, Duration.ofMillis(5), "blocking job", () -> {
            runs.incrementAndGet();
            inRun.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicInteger otherRuns = new AtomicInteger();
        RepeatingTask.every(strict, Duration.ofMillis(5), "quick job", otherRuns::incrementAndGet);
        assertThat(inRun.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(RepeatingTask::stopAll);
        Thread.sleep(200);
        assertThat(stopping).as("stopAll waits for the blocked run").isNotDone();
        release.countDown();
        stopping.get(5, TimeUnit.SECONDS);
        int blockingRuns = runs.get();
        int quickRuns = otherRuns.get();
        Thread.sleep(50);

        assertThat(runs.get()).isEqualTo(blockingRuns).isEqualTo(1);
        assertThat(otherRuns.get()).as("the other task stopped too").isEqualTo(quickRuns);
    }

    @Test
    void theStorageReaperSchedulesNoPeriodicTask() {
        StorageReaper reaper = new StorageReaper();
        reaper.executor = strict;
        reaper.settings = new StorageSettings(Duration.ofHours(1), 100);
        reaper.onSchemaReady(new SchemaMigrated());
        reaper.stop();

        assertThat(calls).containsExactly("schedule");
    }
}
