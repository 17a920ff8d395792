package dev.tessera.bench;

import dev.tessera.config.PasswordSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The benchmark suite (issue 7): client_credentials (RS256, ES256), refresh_token, introspection and the
 * whole authorization code flow against one or several running nodes on loopback, each with requests/s,
 * p50, p99, the servers' CPU and RSS; the machine's signing and Argon2id ceilings measured in the same
 * run; and a client_credentials ES256 sweep over concurrency, drawn as an SVG. Run by the {@code bench}
 * profile with {@code -Dbench.main=dev.tessera.bench.SuiteBench} (docs/performance.md). Not a test;
 * every phase stops by itself.
 */
public final class SuiteBench {
    /** Stands in for a token's header.payload: the signing input's length barely matters to the signature. */
    private static final String SIGNING_INPUT = "e".repeat(333);

    private final BenchConfig config;
    private final SuiteConfig suite;
    private final SuiteReport report;
    private final long[] pids;

    private SuiteBench(BenchConfig config, SuiteConfig suite) {
        this.config = config;
        this.suite = suite;
        this.pids = suite.pids();
        this.report = new SuiteReport(suite.label());
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config;
        SuiteConfig suite;
        try {
            config = BenchConfig.fromSystemProperties();
            suite = SuiteConfig.fromSystemProperties(config);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new SuiteBench(config, suite).run());
    }

    private int run() throws Exception {
        report.header(config, suite, pids);
        AdminApi admin = new AdminApi(config);
        SuiteSetup setup = new SuiteSetup(admin, suite);
        List<Scenario> scenarios = setup.scenarios();
        String provider = TokenBench.serverCryptoProvider(admin);
        dev.tessera.crypto.CryptoStatus here = ProviderTable.matchServer(provider.contains("(native)"));
        report.notes(setup.notes(), provider, here != null ? here.describe() : "the JDK's providers");

        PasswordSettings argon2 = HashingCeiling.settings(suite.argon2());
        report.ceilings("before the load", ceilings(argon2), argon2);

        if (config.serverWarmupSeconds() > 0) {
            System.out.printf(Locale.ROOT, "Server warm-up: %d s, all scenarios mixed...%n", config.serverWarmupSeconds());
            IntFunction<LoadRun.Step> mixed = i -> scenarios.get(i % scenarios.size()).steps().apply(i);
            LoadRun.Result warm = load(mixed, Math.max(config.connections(), scenarios.size()), 0, config.serverWarmupSeconds());
            report.warmup(config.serverWarmupSeconds(), warm);
        }

        List<SuiteReport.Row> rows = new ArrayList<>();
        for (Scenario s : scenarios) {
            System.out.printf(Locale.ROOT, "%s: %d s warm-up, %d s measured at %d connections...%n", s.name(),
                    config.warmupSeconds(), config.seconds(), config.connections());
            ProcessMemory memory = ProcessMemory.sample(pids);
            LoadRun.Result r = load(s.steps(), config.connections(), config.warmupSeconds(), config.seconds());
            rows.add(new SuiteReport.Row(s, config.connections(), r, memory.stopMaxMib()));
            System.out.printf(Locale.ROOT, "%s: %,.1f/s, p50 %.2f ms, p99 %.2f ms, %d errors%n", s.name(), r.throughput(),
                    r.percentileMillis(50), r.percentileMillis(99), r.errors());
        }
        report.scenarios(rows);
        report.ceilings("after the load", ceilings(argon2), argon2);

        List<ConcurrencyChart.Point> points = new ArrayList<>();
        if (!suite.sweep().isEmpty()) {
            Scenario es256 = scenarios.stream().filter(s -> s.name().equals("client_credentials ES256")).findFirst()
                    .orElseGet(() -> new ClientCredentialsScenario("ES256", suite.authorities(), ccOrFail(setup)));
            List<SuiteReport.Row> sweep = new ArrayList<>();
            for (int n : suite.sweep()) {
                System.out.printf(Locale.ROOT, "Sweep: %s at %d connections...%n", es256.name(), n);
                ProcessMemory memory = ProcessMemory.sample(pids);
                LoadRun.Result r = load(es256.steps(), n, 3, suite.sweepSeconds());
                sweep.add(new SuiteReport.Row(es256, n, r, memory.stopMaxMib()));
                points.add(new ConcurrencyChart.Point(n, r.throughput(), r.percentileMillis(99)));
            }
            report.sweep(sweep);
        }
        report.finish(pids);
        return write(rows, points);
    }

    private LoadRun.Result load(IntFunction<LoadRun.Step> steps, int connections, int warmup, int seconds) throws InterruptedException {
        return new LoadRun(suite.addresses(), steps, connections, config.maxRequests()).run(warmup, seconds, new CpuMeter(pids), null);
    }

    private Map<String, SigningCeiling.Rate[]> ceilings(PasswordSettings argon2) throws Exception {
        return ceilings(argon2, new SigningCeiling.Quiet(pids.length > 0 ? pids[0] : 0, config.quietCores()),
                config.ceilingSeconds());
    }

    /** RS256 and ES256 signatures and Argon2id verifications, 1 thread and one per core (also for PeersBench). */
    static Map<String, SigningCeiling.Rate[]> ceilings(PasswordSettings argon2, SigningCeiling.Quiet quiet, int seconds)
            throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, SigningCeiling.Rate[]> out = new LinkedHashMap<>();
        double warm = Math.max(1, seconds / 3.0);
        for (String alg : List.of("RS256", "ES256")) {
            System.out.println("Ceiling: " + alg + " signatures...");
            KeyPair keys = SigningCeiling.keyPair(alg, 2048);
            out.put(alg + " signatures", new SigningCeiling.Rate[] {
                SigningCeiling.raw(alg, keys.getPrivate(), SIGNING_INPUT, 1, warm, seconds, quiet),
                SigningCeiling.raw(alg, keys.getPrivate(), SIGNING_INPUT, cores, warm, seconds, quiet)});
        }
        System.out.println("Ceiling: Argon2id verifications...");
        out.put("Argon2id verifications", new SigningCeiling.Rate[] {
            HashingCeiling.rate(argon2, 1, warm, seconds, quiet), HashingCeiling.rate(argon2, cores, warm, seconds, quiet)});
        return out;
    }

    private static String ccOrFail(SuiteSetup setup) {
        try {
            return setup.ccClient("bench-suite-es256", "ES256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int write(List<SuiteReport.Row> rows, List<ConcurrencyChart.Point> points) throws Exception {
        Files.createDirectories(config.output());
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(Instant.now().atOffset(ZoneOffset.UTC));
        String slug = suite.label().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
        Path file = config.output().resolve("suite-" + slug + "-" + stamp + ".md");
        Files.writeString(file, report.text());
        if (!points.isEmpty()) {
            StringBuilder csv = new StringBuilder("connections,per_second,p99_ms\n");
            points.forEach(p -> csv.append(String.format(Locale.ROOT, "%d,%.1f,%.2f%n", p.connections(), p.perSecond(), p.p99Millis())));
            Files.writeString(config.output().resolve("sweep-" + slug + ".csv"), csv);
        }
        if (!suite.chart().isEmpty()) {
            SweepFiles.chart(config.output(), Path.of(suite.chart()));
            System.out.println("Chart written to " + suite.chart());
        }
        System.out.println("Results written to " + file);
        return rows.stream().mapToLong(r -> r.result().errors()).sum() > 0 ? 1 : 0;
    }
}
