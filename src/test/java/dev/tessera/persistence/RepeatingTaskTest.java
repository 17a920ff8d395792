package dev.tessera.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.StorageSettings;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
        assertThat(runs.get()).as("no run after stop, one in flight at most").isLessThanOrEqualTo(stoppedAt + 1);
        assertThat(calls).containsOnly("schedule");
        Logger.getLogger(RepeatingTask.class.getName()).setLevel(null);
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
