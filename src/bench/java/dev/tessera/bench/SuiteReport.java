package dev.tessera.bench;

import dev.tessera.config.PasswordSettings;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The suite's Markdown report, printed as it grows and kept for the results file. */
final class SuiteReport {
    /** One measured scenario (or one sweep level). */
    record Row(Scenario scenario, int connections, LoadRun.Result result, double rssMaxMib) {
    }

    private final StringBuilder text = new StringBuilder();
    private final String label;

    SuiteReport(String label) {
        this.label = label;
    }

    void header(BenchConfig config, SuiteConfig suite, long[] pids) {
        line("# Tessera benchmark suite: " + label);
        line("");
        line("Run at " + DateTimeFormatter.ISO_INSTANT.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)));
        line("Machine: " + Machine.describe());
        line("Load generator JVM: " + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        line(String.format(Locale.ROOT, "Nodes: %s; %d connections spread over them; per scenario %d s warm-up + %d s measured; "
                + "server warm-up %d s", suite.nodes(), config.connections(), config.warmupSeconds(), config.seconds(),
                config.serverWarmupSeconds()));
        for (int i = 0; i < pids.length; i++) {
            ServerProcess server = new ServerProcess(pids[i]);
            line(String.format(Locale.ROOT, "- node %d: pid %d, RSS at rest %.0f MiB, %s", i + 1, pids[i],
                    ProcessMemory.rssKib(pids[i]) / 1024.0, pids[i] > 0 ? server.jit().flags() : "NOT FOUND (no CPU/RSS)"));
        }
        line("");
    }

    void notes(List<String> notes, String provider, String ceilingProvider) {
        line("Server crypto provider (/health/ready): " + provider + "; the ceilings below use: " + ceilingProvider);
        notes.forEach(n -> line("- " + n));
        line("");
    }

    void ceilings(String when, Map<String, SigningCeiling.Rate[]> rates, PasswordSettings argon2) {
        int cores = Runtime.getRuntime().availableProcessors();
        line("## Ceilings of this machine, " + when + " (load generator JVM, server idle)");
        line("");
        line(String.format(Locale.ROOT, "| operation | 1 thread | %d threads | per CPU-s (%d thr) | other CPU (cores) |", cores, cores));
        line("|---|---:|---:|---:|---:|");
        rates.forEach((name, r) -> line(String.format(Locale.ROOT, "| %s | %,.1f /s | %,.1f /s | %,.1f | %.2f |", name,
                r[0].opsPerSecond(), r[1].opsPerSecond(), r[1].opsPerCpuSecond(), r[1].otherCores())));
        line("");
        line(String.format(Locale.ROOT, "Signatures: java.security.Signature, RSA 2048 and P-256, over 333 bytes. Argon2id: "
                + "dev.tessera.user.PasswordHasher.verify with m=%d KiB, t=%d, p=%d (tessera.passwords.argon2.*).",
                argon2.memoryKib(), argon2.iterations(), argon2.parallelism()));
        line("");
    }

    void warmup(int seconds, LoadRun.Result r) {
        line(String.format(Locale.ROOT, "Server warm-up: %d s, all scenarios mixed, %,d iterations, %d errors; server CPU by thread "
                + "(cores): %s", seconds, r.requests(), r.errors(), r.cpu().serverThreads(5)));
        if (r.errors() > 0) {
            line("First warm-up error: " + r.firstError() + (r.errors() > 1000 ? " (the warm-up stopped after 1,000 errors)" : ""));
        }
        line("");
    }

    void scenarios(List<Row> rows) {
        line("## Scenarios (" + label + ")");
        line("");
        table(rows, false);
        line("CPU from /proc over the measured window (all nodes summed); RSS: largest VmRSS seen, all nodes summed, "
                + "sampled every second; \"other\": the machine's busy time less the servers' and the load generator's.");
        line("");
        for (Row r : rows) {
            if (r.result().errors() > 0) {
                line("ERRORS in " + r.scenario().name() + ": " + r.result().errors() + "; first: " + r.result().firstError());
            }
            line("- " + r.scenario().name() + " server CPU by thread (cores): " + r.result().cpu().serverThreads(5));
        }
        line("");
    }

    void sweep(List<Row> rows) {
        line("## Throughput against concurrency (" + label + ", client_credentials ES256)");
        line("");
        table(rows, true);
    }

    void finish(long[] pids) {
        line(String.format(Locale.ROOT, "Servers after the run: RSS %.0f MiB, peak RSS of their lifetime (VmHWM) %.0f MiB",
                ProcessMemory.rssKib(pids) / 1024.0, ProcessMemory.peakKib(pids) / 1024.0));
        flush();
    }

    private void table(List<Row> rows, boolean byConnections) {
        line("| " + (byConnections ? "connections" : "scenario") + " | per second | p50 ms | p99 ms | max ms | errors "
                + "| server CPU (cores) | per server CPU-s | server RSS max (MiB) | load gen CPU | other CPU |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            LoadRun.Result r = row.result();
            String name = byConnections ? Integer.toString(row.connections())
                    : row.scenario().name() + " (" + row.scenario().unit() + ")";
            line(String.format(Locale.ROOT, "| %s | %,.1f | %.2f | %.2f | %.1f | %d | %.2f | %,.1f | %.0f | %.2f | %.2f |", name,
                    r.throughput(), r.percentileMillis(50), r.percentileMillis(99), r.maxMillis(), r.errors(),
                    r.cpu().serverCores(), r.perServerCpuSecond(), row.rssMaxMib(), r.cpu().selfCores(), r.cpu().otherCores()));
        }
        line("");
        flush();
    }

    String text() {
        return text.toString();
    }

    private int flushed;

    void line(String s) {
        text.append(s.replace("NaN", "n/a")).append('\n');
    }

    private void flush() {
        System.out.print(text.substring(flushed));
        System.out.flush();
        flushed = text.length();
    }
}
