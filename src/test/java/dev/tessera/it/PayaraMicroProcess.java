package dev.tessera.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Payara Micro started by the test itself as a child process, for tests that need a server set up
 * differently from the Arquillian one (another post-boot file, environment variables, a broken
 * database). It runs the packaged WAR at the root context on a free port, with the start-up flags of
 * the Arquillian container, and writes its output to a log file under target/.
 */
public final class PayaraMicroProcess implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** Payara Micro's last start-up line, written whether or not the deployment succeeded. */
    private static final Pattern STARTED = Pattern.compile("Payara Micro [^\\n]{0,60} ready in ");

    private final Process process;
    private final Path log;
    private final int port;

    private PayaraMicroProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts Payara Micro and waits (at most {@code startupTimeout}) until it reports itself started,
     * whether or not the WAR deployed: a failed deployment leaves Payara running.
     *
     * @param name        names the log file, target/payara-it/{name}.log
     * @param postBoot    the post-boot command file defining jdbc/tessera
     * @param environment extra environment variables of the Payara process
     */
    public static PayaraMicroProcess start(String name, Path postBoot, Map<String, String> environment, Duration startupTimeout)
            throws IOException, InterruptedException {
        Path basedir = Path.of(System.getProperty("project.basedir", "."));
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        Path microJar = Path.of(System.getProperty("payara.microJar", target.resolve("payara-micro.jar").toString()));
        Path war = Path.of(System.getProperty("tessera.war", target.resolve("tessera.war").toString()));
        for (Path required : List.of(microJar, war)) {
            if (!Files.isRegularFile(required)) {
                throw new IllegalStateException("Run the integration tests through Maven (mvn verify): " + required + " is missing");
            }
        }
        int port = freePort();

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + target,
                "-Dtessera.port=" + port,
                "-jar", microJar.toString(),
                "--nohazelcast",
                "--port", Integer.toString(port),
                "--prebootcommandfile", basedir.resolve("server-config/payara-micro/preboot.asadmin").toString(),
                "--postbootcommandfile", postBoot.toString(),
                "--deploy", war.toString(),
                "--contextroot", "/"));
        Path drivers = target.resolve("jdbc");
        if (Files.isDirectory(drivers)) {
            command.addAll(Arrays.asList("--addlibs", drivers.toString()));
        }
        PayaraMicroProcess server = launch(name, command, environment, port);
        server.awaitStarted(startupTimeout);
        return server;
    }

    /**
     * Starts {@code command} (which runs Payara Micro on {@code port}) from the project directory and
     * returns at once; see {@link #awaitStarted}. The output goes to target/payara-it/{name}.log.
     */
    public static PayaraMicroProcess launch(String name, List<String> command, Map<String, String> environment, int port)
            throws IOException {
        Path basedir = Path.of(System.getProperty("project.basedir", "."));
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        Path log = Files.createDirectories(target.resolve("payara-it")).resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(basedir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new PayaraMicroProcess(builder.start(), log, port);
    }

    /** Waits until Payara Micro reports itself started (deployed or not); stops it if it does not in time. */
    public void awaitStarted(Duration timeout) throws InterruptedException {
        try {
            awaitLog(text -> STARTED.matcher(text).find(), timeout);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** Ends the JVM at once, as kill -9 would: no shutdown hooks, no goodbye to the cluster. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return log;
    }

    /** The log so far, without the terminal colour codes Payara Micro writes even to a file. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).replaceAll("\u001B\\[[;\\d]*m", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log's records (each starts with "[2..." and may span lines) that satisfy the condition. */
    public List<String> logRecords(Predicate<String> condition) {
        return Arrays.stream(log().split("\\R(?=\\[\\d{4}-)")).filter(condition).toList();
    }

    public HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code path} until the response satisfies the condition; returns that response. */
    public HttpResponse<String> await(String path, Predicate<HttpResponse<String>> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            assertAlive();
            try {
                last = get(path);
                if (condition.test(last)) {
                    return last;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Timed out after " + timeout + " waiting on " + path + "; last answer: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()) + "; log: " + log);
    }

    /** Waits until the log so far satisfies the condition. */
    public void awaitLog(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            assertAlive();
            if (condition.test(log())) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Payara Micro did not start within " + timeout + "; see " + log);
    }

    private void assertAlive() {
        if (!process.isAlive()) {
            throw new AssertionError("Payara Micro exited with " + process.exitValue() + "; see " + log);
        }
    }

    /** Stops the server and anything it started; forcibly if it does not stop within 20 seconds. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
