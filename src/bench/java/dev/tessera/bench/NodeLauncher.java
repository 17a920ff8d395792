package dev.tessera.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one single-node Tessera (Payara Micro, as {@code payara-micro:start} runs it) on a loopback
 * port with the given JVM options and a fresh data directory (H2) or database (PostgreSQL), and stops it
 * again. Only the process it started is ever stopped.
 */
final class NodeLauncher implements AutoCloseable {
    private final Process process;
    private final long startedNanos;
    private final int port;
    private final String readyPath;

    private NodeLauncher(Process process, long startedNanos, int port, String readyPath) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.port = port;
        this.readyPath = readyPath;
    }

    /**
     * @param javaOptions JVM options (split on spaces)
     * @param db          "h2" (fresh data directory) or "postgresql" (then {@code environment} names the database)
     */
    static NodeLauncher start(Path payaraJar, String javaOptions, String db, int port, Path dataDir, Path log,
            Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Arrays.stream(javaOptions.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(command::add);
        command.addAll(List.of("-Dtessera.port=" + port, "-Dtessera.data.dir=" + dataDir, "-jar", payaraJar.toString(),
                "--deploy", "target/tessera.war", "--contextroot", "/", "--port", Integer.toString(port), "--nocluster",
                "--prebootcommandfile", "server-config/payara-micro/preboot.asadmin",
                "--addlibs", Files.isDirectory(Path.of("target/native-crypto")) ? "target/jdbc:target/native-crypto" : "target/jdbc",
                "--postbootcommandfile", "server-config/payara-micro/" + db + ".asadmin"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new NodeLauncher(builder.start(), started, port, "/health/ready");
    }

    /**
     * Another WAR on the same runtime, pre-boot file and JVM options, with no database: the runtime's floor
     * (FloorBench). Ready when {@code readyPath} answers 200.
     */
    static NodeLauncher startWar(Path payaraJar, String javaOptions, Path war, int port, Path log, String readyPath)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Arrays.stream(javaOptions.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(command::add);
        command.addAll(List.of("-jar", payaraJar.toString(), "--deploy", war.toString(), "--contextroot", "/", "--port",
                Integer.toString(port), "--nocluster", "--prebootcommandfile", "server-config/payara-micro/preboot.asadmin"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        long started = System.nanoTime();
        return new NodeLauncher(builder.start(), started, port, readyPath);
    }

    long pid() {
        return process.pid();
    }

    /** Polls the ready path every 100 ms; the seconds from the process start to the first 200, or -1 on timeout or death. */
    double awaitReady(int timeoutSeconds) throws InterruptedException {
        long deadline = startedNanos + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + readyPath).toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(5000);
                if (c.getResponseCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
                c.disconnect();
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
