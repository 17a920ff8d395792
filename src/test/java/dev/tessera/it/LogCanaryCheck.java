package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The log canary (issue 18 point 3): after the integration suite, no server log holds any secret the tests
 * created or sent ({@link LogCanary}). Failsafe runs it last, in an execution of its own (pom.xml, log-canary),
 * so it sees the logs of both passes: the Arquillian servers' (arquillian.xml's logtofile option) and those the
 * tests start themselves ({@link PayaraMicroProcess}, under target/payara-it/). Not an *IT, so neither pass
 * runs it early; it starts no server.
 */
class LogCanaryCheck {
    static final Path TARGET = Path.of(System.getProperty("project.build.directory", "target"));
    /** The logs of the servers the tests start themselves ({@link PayaraMicroProcess}). */
    static final Path LOGS = TARGET.resolve("payara-it");

    /**
     * Issue 25 point 4: the error storm of Payara's managed scheduled executor (a periodic task's context reset
     * failing, persistence/RepeatingTask) or an entity manager used after its scope closed, in any server log of the
     * whole run: minutes of every background job on every container, far more than a one-minute load test. Also
     * the stack trace a themed error page forwarded from JAX-RS used to leave (http/StreamBackedResponse).
     */
    @Test
    void noServerLogShowsTheManagedExecutorErrorStorm() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path log : serverLogs()) {
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            for (String storm : List.of("No invocation on invocation stack", "operation on a closed EntityManager",
                    "getWriter() has already been called")) {
                int at = text.indexOf(storm);
                if (at >= 0) {
                    // The line and what follows it (the logger and the first frames), so a CI failure says where.
                    int from = text.lastIndexOf('\n', at) + 1;
                    found.add(storm + " in " + log.getFileName() + ": " + text.substring(from, Math.min(text.length(), from + 1500)));
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static List<Path> serverLogs() throws IOException {
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> files = Files.isDirectory(LOGS) ? Files.walk(LOGS) : Stream.empty()) {
            files.filter(Files::isRegularFile).forEach(logs::add);
        }
        try (Stream<Path> files = Files.list(TARGET)) {
            files.filter(f -> f.getFileName().toString().startsWith(LogCanary.ARQUILLIAN_LOG) && !f.toString().endsWith(".lck")).forEach(logs::add);
        }
        return logs;
    }

    @Test
    void noServerLogHoldsASecretTheTestsCreated() throws IOException {
        assumeTrue(Files.isRegularFile(LogCanary.FILE), "no integration test recorded a secret in " + LogCanary.FILE);
        List<String[]> secrets = Files.readAllLines(LogCanary.FILE, StandardCharsets.UTF_8).stream()
                .filter(line -> line.indexOf('\t') > 0).map(line -> line.split("\t", 2)).toList();
        List<Path> logs = serverLogs();
        assertThat(logs).as("server logs under " + LOGS).isNotEmpty();
        assertThat(secrets).as("secrets recorded in " + LogCanary.FILE).isNotEmpty();

        List<String> leaks = new ArrayList<>();
        for (Path log : logs) {
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            for (String[] secret : secrets) {
                int at = text.indexOf(secret[1]);
                if (at >= 0) {
                    int lineStart = text.lastIndexOf('\n', at) + 1;
                    int lineEnd = text.indexOf('\n', at);
                    leaks.add(secret[0] + " in " + log.getFileName() + ": "
                            + text.substring(lineStart, lineEnd < 0 ? text.length() : Math.min(lineEnd, lineStart + 300)));
                }
            }
        }
        assertThat(leaks).as(secrets.size() + " secrets against " + logs.size() + " logs").isEmpty();
    }
}
