package dev.tessera.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 7, point 4: the token endpoint's refresh_token throughput with a million refresh tokens in
 * PostgreSQL against the same database without them. Earlier runs compared two freshly started nodes and
 * measured the JIT of each (±30 % between fresh JVMs); here one node, warmed up once, serves every
 * window, and only the table changes between windows: the seed rows are inserted and deleted through
 * JDBC while the node idles, in the order empty, full, full, empty, empty, full, ... so a slow drift of
 * the node favours neither side. A first window, shown but not counted, lets the node settle. Before
 * every window the table is vacuumed and checkpointed, so no window inherits the previous one's
 * housekeeping. Each window also measures client_credentials ES256, which never reads
 * the table, as a control: if it moves, the node moved, not the table's effect. Run by the {@code bench}
 * profile with {@code -Dbench.main=dev.tessera.bench.VolumeBench -Dvolume.jdbcUrl=...} ({@code .ci/bench-volume}).
 */
public final class VolumeBench {
    private record Window(boolean counted, boolean full, String table, LoadRun.Result refresh, LoadRun.Result control) {
        /** Refreshes per CPU-second of the server and the database together (the machine minus the load generator). */
        double perServerAndDatabaseCpuSecond() {
            double cpu = refresh.cpu().machineBusyCpuSeconds() - refresh.cpu().selfCpuSeconds();
            return cpu > 0 ? refresh.requests() / cpu : Double.NaN;
        }
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config;
        String jdbcUrl = BenchConfig.prop("volume.jdbcUrl", "");
        long rows = Long.parseLong(BenchConfig.prop("volume.rows", "1000000"));
        int pairs = Integer.parseInt(BenchConfig.prop("volume.pairs", "4"));
        try {
            config = BenchConfig.fromSystemProperties();
            if (jdbcUrl.isEmpty() || rows < 1 || pairs < 1 || pairs > 20) {
                throw new IllegalArgumentException("set volume.jdbcUrl (the node's PostgreSQL database), volume.rows >= 1, "
                        + "volume.pairs 1-20");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new VolumeBench().run(config, jdbcUrl, rows, pairs));
    }

    private int run(BenchConfig config, String jdbcUrl, long rows, int pairs) throws Exception {
        SuiteConfig suite = new SuiteConfig(List.of(config.url()), "volume", List.of("refresh", "cc-es256"), List.of(), 0,
                "19456,2,1", "");
        long[] pids = suite.pids();
        SuiteSetup setup = new SuiteSetup(new AdminApi(config), suite);
        List<Scenario> scenarios = setup.scenarios();
        Scenario refresh = scenarios.get(0);
        Scenario control = scenarios.get(1);
        List<Window> windows = new ArrayList<>();
        try (SeededRefreshTokens table = new SeededRefreshTokens(jdbcUrl)) {
            if (table.seeded() > 0) {
                table.delete();
            }
            System.out.printf(Locale.ROOT, "Server warm-up: %d s of refresh_token, 10 s of client_credentials...%n",
                    config.serverWarmupSeconds());
            load(suite, config, refresh.steps(), pids, 0, config.serverWarmupSeconds());
            load(suite, config, control.steps(), pids, 0, 10);
            // Window 0 is measured and shown but not counted: in every run the first window after the warm-up was
            // 14-22 % slower than all later ones at more server CPU per refresh (the node still compiling).
            for (int w = -1; w < 2 * pairs; w++) {
                boolean full = w >= 0 && (w + 1) / 2 % 2 == 1;   // (empty,) empty, full, full, empty, empty, full, ...
                long seeded = table.seeded();
                if (full && seeded == 0) {
                    System.out.printf(Locale.ROOT, "Inserting %,d refresh tokens...%n", rows);
                    table.insert(rows);
                } else if (!full && seeded > 0) {
                    System.out.println("Deleting the seeded refresh tokens...");
                    table.delete();
                } else {
                    table.settle();
                }
                String state = table.describe();
                System.out.printf(Locale.ROOT, "Window %d (%s): %s%n", w + 1, full ? "full" : "empty", state);
                LoadRun.Result r = load(suite, config, refresh.steps(), pids, config.warmupSeconds(), config.seconds());
                LoadRun.Result c = load(suite, config, control.steps(), pids, 3, Math.max(5, config.seconds() / 2));
                windows.add(new Window(w >= 0, full, state, r, c));
                System.out.printf(Locale.ROOT, "  refresh_token %,.1f/s, p50 %.2f ms, p99 %.2f ms, %d errors; control %,.0f/s%n",
                        r.throughput(), r.percentileMillis(50), r.percentileMillis(99), r.errors(), c.throughput());
            }
            table.delete();
        }
        String report = report(config, rows, setup.notes(), windows);
        Files.createDirectories(config.output());
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(Instant.now().atOffset(ZoneOffset.UTC));
        Path file = config.output().resolve("volume-" + stamp + ".md");
        Files.writeString(file, report);
        System.out.println(report);
        System.out.println("Results written to " + file);
        return windows.stream().mapToLong(w -> w.refresh().errors() + w.control().errors()).sum() > 0 ? 1 : 0;
    }

    private static LoadRun.Result load(SuiteConfig suite, BenchConfig config, java.util.function.IntFunction<LoadRun.Step> steps,
            long[] pids, int warmup, int seconds) throws InterruptedException {
        return new LoadRun(suite.addresses(), steps, config.connections(), config.maxRequests()).run(warmup, seconds,
                new CpuMeter(pids), null);
    }

    private static String report(BenchConfig config, long rows, List<String> notes, List<Window> windows) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "# A million refresh tokens: %s%n%n", Instant.now()));
        out.append(String.format(Locale.ROOT, "%s, %d connections, %d s server warm-up (refresh_token) and 10 s (client_credentials), then per window %d s + %d s refresh_token "
                + "and 3 s + %d s client_credentials ES256 (control). Seed: %,d refresh tokens. %s%n%n", config.url(),
                config.connections(), config.serverWarmupSeconds(), config.warmupSeconds(), config.seconds(),
                Math.max(5, config.seconds() / 2), rows, String.join("; ", notes)));
        out.append("| window | table | refresh_token /s | p50 ms | p99 ms | server cores | other cores (PostgreSQL) "
                + "| per server CPU-s | per server+database CPU-s | control /s |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        int n = 0;   // window 0 settles
        for (Window w : windows) {
            LoadRun.Result r = w.refresh();
            out.append(String.format(Locale.ROOT, "| %d %s%s | %s | %,.1f | %.2f | %.2f | %.2f | %.2f | %,.0f | %,.0f | %,.0f |%n", n++,
                    w.full() ? "full" : "empty", w.counted() ? "" : " (settling, not counted)", w.table(), r.throughput(), r.percentileMillis(50), r.percentileMillis(99),
                    r.cpu().serverCores(), r.cpu().otherCores(), r.perServerCpuSecond(), w.perServerAndDatabaseCpuSecond(),
                    w.control().throughput()));
        }
        double empty = mean(windows, false, Window::refresh);
        double full = mean(windows, true, Window::refresh);
        double emptyControl = mean(windows, false, Window::control);
        double fullControl = mean(windows, true, Window::control);
        double ratio = full / empty;
        out.append(String.format(Locale.ROOT, "%nMean refresh_token /s: empty %,.1f, full %,.1f: full / empty = %.3f (%+.1f %%). "
                + "Control: empty %,.0f, full %,.0f (%+.1f %%).%n", empty, full, ratio, (ratio - 1) * 100, emptyControl, fullControl,
                (fullControl / emptyControl - 1) * 100));
        out.append(String.format(Locale.ROOT, "%nVerdict: %s (the issue: within 10 %% of the empty database).%n",
                Math.abs(ratio - 1) <= 0.10 ? "within 10 %" : "NOT within 10 %"));
        return out.toString();
    }

    private static double mean(List<Window> windows, boolean full, java.util.function.Function<Window, LoadRun.Result> of) {
        return windows.stream().filter(w -> w.counted() && w.full() == full).mapToDouble(w -> of.apply(w).throughput()).average().orElse(Double.NaN);
    }
}
