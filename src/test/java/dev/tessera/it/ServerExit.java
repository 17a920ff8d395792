package dev.tessera.it;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.arquillian.container.spi.event.container.AfterUnDeploy;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * After each Arquillian undeployment, waits until the Payara Micro the container started has exited, before anything
 * else (the PostgreSQL pass's database drop, the next class's server). Payara's Arquillian container
 * (arquillian-payara-micro-managed 3.1, {@code stopContainer}) only sends the process SIGTERM and goes on, so the
 * next class's server could find the port still held by the stopping one and bind the next port instead (Payara
 * Micro's port range), leaving its tests connecting to nothing (ClientCredentialsIT in the PostgreSQL pass,
 * 2026-12-07); and {@link FreshPostgresqlDatabase} dropped the database under a server still writing its last audit
 * batch. Prints how long each stop took, so a slow shutdown shows in the build log.
 */
public final class ServerExit implements LoadableExtension {
    static final Duration WAIT = Duration.ofSeconds(60);

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Await.class);
    }

    /** The observer; public with a public no-argument constructor, as Arquillian instantiates it. */
    public static final class Await {
        /** Before every other observer of the event (FreshPostgresqlDatabase's drop has the default precedence 0). */
        public void afterUndeploy(@Observes(precedence = 100) AfterUnDeploy event) throws InterruptedException {
            List<ProcessHandle> servers = ProcessHandle.current().descendants().filter(ServerExit::isArquillianServer).toList();
            for (ProcessHandle server : servers) {
                long started = System.nanoTime();
                try {
                    server.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    System.out.printf("Payara Micro (pid %d) exited %d ms after its undeployment%n", server.pid(),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                } catch (TimeoutException e) {
                    System.out.printf("Payara Micro (pid %d) still running %s after its undeployment: killed%n", server.pid(), WAIT);
                    server.destroyForcibly();
                    try {
                        server.onExit().get(10, TimeUnit.SECONDS);
                    } catch (TimeoutException | ExecutionException ignored) {
                        // nothing more to do; the next server reports its own port
                    }
                } catch (ExecutionException e) {
                    throw new IllegalStateException("waiting for Payara Micro " + server.pid() + " to exit", e);
                }
            }
        }
    }

    /** The server arquillian.xml starts: its data directory is target/it-data (the tests' own servers use others). */
    static boolean isArquillianServer(ProcessHandle process) {
        return process.info().arguments().map(args -> Arrays.stream(args)
                .anyMatch(arg -> arg.startsWith("-Dtessera.data.dir=") && arg.endsWith("/it-data"))).orElse(false);
    }
}
