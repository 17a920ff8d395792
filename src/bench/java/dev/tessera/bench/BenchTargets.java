package dev.tessera.bench;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The verdicts of one run. Two sets of targets: the clients issue's (throughput as a fraction of the
 * machine's own signing ceiling, p99, ES256 against RS256) and the native-crypto issue's (requests per
 * server CPU-second, which a busy machine distorts far less, and p99 for every row). The second set
 * depends on the provider the server uses, which the run reads from /health/ready.
 */
final class BenchTargets {
    static final double FRACTION_OF_CEILING = 0.70;
    static final double P99_MILLIS = 25.0;
    static final double ES256_OVER_RS256 = 1.5;
    static final double PER_CPU_P99_MILLIS = 20.0;
    static final double JDK_RS256_PER_CPU_SECOND = 1_300;
    static final double NATIVE_RS256_PER_CPU_SECOND = 3_500;
    static final double NATIVE_ES256_PER_CPU_SECOND = 10_000;

    private final BenchConfig config;
    private final int cores;
    private final boolean serverNative;
    private final int minQuietSeconds;
    private Consumer<String> out;

    BenchTargets(BenchConfig config, int cores, boolean serverNative, int minQuietSeconds) {
        this.config = config;
        this.cores = cores;
        this.serverNative = serverNative;
        this.minQuietSeconds = minQuietSeconds;
    }

    void write(Map<String, LoadRun.Result> results, Map<String, Ceiling> ceilings, Consumer<String> lines) {
        this.out = lines;
        LoadRun.Result rs = results.get("RS256");
        LoadRun.Result es = results.get("ES256");
        Ceiling rsCeiling = ceilings.get("RS256");
        out.accept("## Targets");
        out.accept("");
        out.accept("Clients issue (throughput against this run's own signing ceiling, with the server's provider):");
        if (rs != null) {
            double fraction = rs.throughput() / rsCeiling.opsPerSecond();
            target(String.format(Locale.ROOT, "RS256 tokens/s >= %.0f %% of the raw RS256 %d-thread signing rate: %,.0f / %,.0f = %.1f %%",
                    100 * FRACTION_OF_CEILING, cores, rs.throughput(), rsCeiling.opsPerSecond(), 100 * fraction),
                    fraction >= FRACTION_OF_CEILING, Math.max(rs.cpu().otherCores(), rsCeiling.otherCores()));
            target(p99("RS256", rs.percentileMillis(99), P99_MILLIS), rs.percentileMillis(99) < P99_MILLIS, rs.cpu().otherCores());
        }
        if (es != null) {
            target(p99("ES256", es.percentileMillis(99), P99_MILLIS), es.percentileMillis(99) < P99_MILLIS, es.cpu().otherCores());
        }
        if (rs != null && es != null) {
            double ratio = es.throughput() / rs.throughput();
            target(String.format(Locale.ROOT, "ES256 tokens/s >= %.1f x RS256: %,.0f / %,.0f = %.2f x", ES256_OVER_RS256,
                    es.throughput(), rs.throughput(), ratio), ratio >= ES256_OVER_RS256,
                    Math.max(rs.cpu().otherCores(), es.cpu().otherCores()));
        }
        quietTargets(rs, es, rsCeiling);
        out.accept("");
        out.accept("Native-crypto issue (tokens per server CPU-second; the server uses the "
                + (serverNative ? "native" : "JDK's") + " provider):");
        perCpu("RS256", rs, serverNative ? NATIVE_RS256_PER_CPU_SECOND : JDK_RS256_PER_CPU_SECOND);
        perCpu("ES256", es, serverNative ? NATIVE_ES256_PER_CPU_SECOND : Double.NaN);
        results.forEach((alg, r) -> {
            if (!alg.equals("RS256") && !alg.equals("ES256")) {
                perCpu(alg, r, Double.NaN);
            }
        });
        for (Map.Entry<String, LoadRun.Result> e : results.entrySet()) {
            Ceiling c = ceilings.get(e.getKey());
            out.accept(String.format(Locale.ROOT, "- (for reference, not a target) %s CPU efficiency: %,.0f tokens per server "
                    + "CPU-second = %.1f %% of the %,.0f signatures per CPU-second this JVM manages", e.getKey(),
                    e.getValue().perServerCpuSecond(), 100 * e.getValue().perServerCpuSecond() / c.opsPerCpuSecond(),
                    c.opsPerCpuSecond()));
        }
    }

    private void perCpu(String alg, LoadRun.Result r, double threshold) {
        if (r == null) {
            return;
        }
        if (!Double.isNaN(threshold)) {
            target(String.format(Locale.ROOT, "%s >= %,.0f tokens per server CPU-second: %,.0f", alg, threshold,
                    r.perServerCpuSecond()), r.perServerCpuSecond() >= threshold, r.cpu().otherCores());
        }
        target(p99(alg, r.percentileMillis(99), PER_CPU_P99_MILLIS).replace("<", "<="),
                r.percentileMillis(99) <= PER_CPU_P99_MILLIS, r.cpu().otherCores());
    }

    private void quietTargets(LoadRun.Result rs, LoadRun.Result es, Ceiling rsCeiling) {
        out.accept("");
        out.accept(String.format(Locale.ROOT, "The same over quiet seconds only (needs at least %d quiet seconds in each "
                + "measurement):", minQuietSeconds));
        if (rs != null) {
            LoadRun.Quiet q = rs.quiet(config.quietCores());
            if (q.seconds() >= minQuietSeconds && rsCeiling.quietSeconds() >= minQuietSeconds) {
                double fraction = q.throughput() / rsCeiling.quietOpsPerSecond();
                target(String.format(Locale.ROOT, "RS256 tokens/s >= %.0f %% of the raw RS256 %d-thread signing rate (quiet): "
                        + "%,.0f / %,.0f = %.1f %%", 100 * FRACTION_OF_CEILING, cores, q.throughput(),
                        rsCeiling.quietOpsPerSecond(), 100 * fraction), fraction >= FRACTION_OF_CEILING);
                target(p99("RS256", q.percentileMillis(99), P99_MILLIS) + " (quiet)", q.percentileMillis(99) < P99_MILLIS);
            } else {
                out.accept(String.format(Locale.ROOT, "- RS256: not enough quiet seconds (load %d, ceiling %d)", q.seconds(),
                        rsCeiling.quietSeconds()));
            }
        }
        if (es != null) {
            LoadRun.Quiet q = es.quiet(config.quietCores());
            if (q.seconds() >= minQuietSeconds) {
                target(p99("ES256", q.percentileMillis(99), P99_MILLIS) + " (quiet)", q.percentileMillis(99) < P99_MILLIS);
            }
        }
        if (rs != null && es != null) {
            LoadRun.Quiet qr = rs.quiet(config.quietCores());
            LoadRun.Quiet qe = es.quiet(config.quietCores());
            if (qr.seconds() >= minQuietSeconds && qe.seconds() >= minQuietSeconds) {
                double ratio = qe.throughput() / qr.throughput();
                target(String.format(Locale.ROOT, "ES256 tokens/s >= %.1f x RS256 (quiet): %,.0f / %,.0f = %.2f x",
                        ES256_OVER_RS256, qe.throughput(), qr.throughput(), ratio), ratio >= ES256_OVER_RS256);
            }
        }
    }

    private String p99(String alg, double millis, double limit) {
        return String.format(Locale.ROOT, "%s p99 < %.0f ms at %d connections: %.2f ms", alg, limit, config.connections(), millis);
    }

    private void target(String text, boolean met) {
        out.accept("- " + (met ? "MET" : "MISSED") + ": " + text);
    }

    /** A target judged on figures taken while other processes were busy: the verdict is only indicative. */
    private void target(String text, boolean met, double otherCores) {
        if (otherCores > config.quietCores()) {
            text += String.format(Locale.ROOT, " (INCONCLUSIVE: other processes used %.2f cores meanwhile)", otherCores);
        }
        target(text, met);
    }
}
