package dev.tessera.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Start-up and footprint (issue 7, point 6): for each set of JVM options, starts a fresh single node
 * (empty data directory or a new PostgreSQL database), measures the time from the process start to the
 * first 200 of /health/ready, the RSS at rest, then the RSS and throughput under a client_credentials
 * ES256 load, and stops the node. Run by the {@code bench} profile with
 * {@code -Dbench.main=dev.tessera.bench.StartupBench}. Loopback only; it stops every node it starts.
 */
public final class StartupBench {
    private static final String ADMIN_SECRET = "bench-startup-admin-secret";

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(BenchConfig.prop("startup.port", "8183"));
        String db = BenchConfig.prop("startup.db", "h2");
        List<String> optionSets = Arrays.stream(BenchConfig.prop("startup.javaOpts", "").split("\\|")).map(String::trim).toList();
        boolean warm = Boolean.parseBoolean(BenchConfig.prop("startup.warm", "false"));
        int restSeconds = Integer.parseInt(BenchConfig.prop("startup.restSeconds", "15"));
        int loadSeconds = Integer.parseInt(BenchConfig.prop("startup.loadSeconds", "30"));
        int connections = Integer.parseInt(BenchConfig.prop("bench.connections", "16"));
        Path payara = Path.of(BenchConfig.prop("startup.payaraJar", Files.exists(Path.of("target/payara-micro.jar"))
                ? "target/payara-micro.jar" : System.getProperty("user.home")
                + "/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar"));
        Path out = Path.of(BenchConfig.prop("bench.output", "target/bench")).toAbsolutePath();
        Files.createDirectories(out);
        StringBuilder report = new StringBuilder((warm ? "Warm data directory (one unmeasured start before).\n\n" : "")
                + "| JVM options | db | start to ready (s) | RSS at rest (MiB) | RSS under load, max (MiB) "
                + "| peak RSS (VmHWM, MiB) | tokens/s | p99 ms | server CPU (cores) |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        System.out.println("Machine: " + Machine.describe());
        int run = 0;
        for (String options : optionSets) {
            run++;
            String database = "tessera_bench_startup_" + ProcessHandle.current().pid() + "_" + run;
            Map<String, String> env = new HashMap<>(Map.of("TESSERA_BOOTSTRAP_ADMIN_SECRET", ADMIN_SECRET));
            if (db.equals("postgresql")) {
                admin("CREATE DATABASE " + database);
                env.putAll(Map.of("TESSERA_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + database, "TESSERA_DB_USER", "postgres",
                        "TESSERA_DB_PASSWORD", ""));
            }
            Path data = Files.createTempDirectory(out, "startup-data-");
            Path log = out.resolve("startup-" + run + ".log");
            if (warm) {
                // Issue 23: start-up on a warm data directory (schema current, keys made): one start first, unmeasured.
                System.out.println("Preparing the data directory with [" + options + "]...");
                Path firstLog = out.resolve("startup-" + run + "-first.log");
                try (NodeLauncher first = NodeLauncher.start(payara, options, db, port, data, firstLog, env)) {
                    first.awaitReady(300);
                }
            }
            System.out.println("Starting a node with [" + options + "] on " + db + " (log " + log + ")...");
            try (NodeLauncher node = NodeLauncher.start(payara, options, db, port, data, log, env)) {
                double ready = node.awaitReady(300);
                if (ready < 0) {
                    report.append("| `").append(options).append("` | ").append(db).append(" | did not start, see ").append(log).append(" |\n");
                    continue;
                }
                Thread.sleep(restSeconds * 1000L);
                double rest = ProcessMemory.rssKib(node.pid()) / 1024.0;
                LoadRun.Result r;
                ProcessMemory memory = ProcessMemory.sample(new long[] {node.pid()});
                r = load(port, connections, loadSeconds, node.pid());
                double underLoad = memory.stopMaxMib();
                report.append(String.format(Locale.ROOT, "| `%s` | %s | %.1f | %.0f | %.0f | %.0f | %,.0f | %.1f | %.2f |%n",
                        options.isEmpty() ? "(none)" : options, db, ready, rest, underLoad, ProcessMemory.peakKib(node.pid()) / 1024.0,
                        r.throughput(), r.percentileMillis(99), r.cpu().serverCores()));
                System.out.print(report.substring(report.lastIndexOf("\n", report.length() - 2) + 1));
            } finally {
                if (db.equals("postgresql")) {
                    admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            }
        }
        Path file = out.resolve("startup-" + db + ".md");
        Files.writeString(file, report);
        System.out.println(report);
        System.out.println("Results written to " + file);
    }

    /** client_credentials ES256 at {@code connections}, 5 s warm-up then {@code seconds} measured. */
    private static LoadRun.Result load(int port, int connections, int seconds, long pid) throws Exception {
        System.setProperty("bench.url", "http://127.0.0.1:" + port);
        System.setProperty("bench.adminSecret", ADMIN_SECRET);
        BenchConfig config = BenchConfig.fromSystemProperties();
        SuiteConfig suite = new SuiteConfig(List.of(URI.create("http://127.0.0.1:" + port)), "startup", List.of("cc-es256"),
                List.of(), 0, "19456,2,1", "");
        String basic = new SuiteSetup(new AdminApi(config), suite).ccClient("bench-startup-es256", "ES256");
        Scenario s = new ClientCredentialsScenario("ES256", suite.authorities(), basic);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        return new LoadRun(List.of(address), s.steps(), connections, 10_000_000L).run(5, seconds, new CpuMeter(pid), null);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
