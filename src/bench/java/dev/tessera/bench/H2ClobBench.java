package dev.tessera.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Why {@code h2.asadmin} sets {@code MAX_LENGTH_INPLACE_LOB}: a pending authorization's life on an H2 file database
 * (insert with its request JSON as a clob, read it, mark it, delete it; a commit after each, as a sign-in does) with
 * H2's default, where a clob over 256 bytes goes to H2's LOB store, and with the shipped setting, where it stays in its
 * row. {@code bench.connections} threads at once, two rounds alternating (the first warms the JIT), CPU of this
 * process per cycle. The H2 of the test class path is the version Payara Micro ships. Not part of CI:
 * {@code mvn -Pbench process-test-classes -Dbench.main=dev.tessera.bench.H2ClobBench} (docs/performance.md, "H2's LOB
 * clean-up").
 */
public final class H2ClobBench {
    private static final String JSON = "{\"response_type\":\"code\",\"state\":\"" + "x".repeat(1500) + "\"}";
    private static final String[] VARIANTS = {"", ";MAX_LENGTH_INPLACE_LOB=65536"};

    private H2ClobBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(BenchConfig.prop("bench.seconds", "10"));
        int threads = Integer.parseInt(BenchConfig.prop("bench.connections", "4"));
        Path dir = Files.createTempDirectory("h2-clob-bench");
        for (int round = 1; round <= 2; round++) {
            for (String variant : VARIANTS) {
                String url = "jdbc:h2:file:" + dir.resolve("round" + round + (variant.isEmpty() ? "-default" : "-inplace"))
                        + "/db;DB_CLOSE_ON_EXIT=FALSE" + variant;
                double micros = run(url, threads, seconds);
                System.out.printf(Locale.ROOT, "round %d, %-30s %7.1f µs of CPU per pending request's life%n", round,
                        variant.isEmpty() ? "H2's default (256 bytes)" : variant.substring(1), micros);
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** CPU of this process per cycle over {@code seconds}, after 3 s of warm-up. */
    private static double run(String url, int threads, int seconds) throws Exception {
        try (Connection db = DriverManager.getConnection(url, "", "")) {
            db.createStatement().execute("CREATE TABLE pending(id VARCHAR(64) PRIMARY KEY, state VARCHAR(20), request CLOB NOT NULL)");
        }
        AtomicLong cycles = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String prefix = "t" + t + "-";
            Thread worker = new Thread(() -> cycle(url, prefix, cycles, stop));
            worker.start();
            workers.add(worker);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Thread.sleep(3_000);
        long cycles0 = cycles.get();
        long cpu0 = os.getProcessCpuTime();
        Thread.sleep(seconds * 1_000L);
        long done = cycles.get() - cycles0;
        long cpu = os.getProcessCpuTime() - cpu0;
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        try (Connection db = DriverManager.getConnection(url, "", "")) {
            db.createStatement().execute("SHUTDOWN"); // closes the files, so the directory can go
        }
        return cpu / 1e3 / done;
    }

    private static void cycle(String url, String prefix, AtomicLong cycles, AtomicBoolean stop) {
        try (Connection db = DriverManager.getConnection(url, "", "")) {
            db.setAutoCommit(false);
            for (long i = 0; !stop.get(); i++) {
                String id = prefix + i;
                update(db, "INSERT INTO pending VALUES (?, 'NEW', ?)", id, JSON);
                try (PreparedStatement read = db.prepareStatement("SELECT request FROM pending WHERE id = ?")) {
                    read.setString(1, id);
                    try (ResultSet row = read.executeQuery()) {
                        row.next();
                        row.getString(1);
                    }
                }
                db.commit();
                update(db, "UPDATE pending SET state = 'LOGGED_IN' WHERE id = ?", id);
                update(db, "DELETE FROM pending WHERE id = ?", id);
                cycles.incrementAndGet();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(Connection db, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
        db.commit();
    }
}
