package dev.tessera.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Load test of the token endpoint (client_credentials, HTTP Basic) against a running Tessera on this
 * machine's loopback interface, expressed as a fraction of what this machine can sign.
 *
 * <p>Run with the {@code bench} Maven profile (see docs/performance.md):
 * {@code TESSERA_BOOTSTRAP_ADMIN_SECRET=... mvn -B -Pbench process-test-classes}. It creates one client per
 * algorithm through the admin API, measures the raw signing rate of each algorithm in this JVM (one
 * thread, and one per core), then loads the server at {@code bench.connections} connections for a
 * fixed warm-up and measurement time per algorithm, reading the server's CPU time from /proc. It
 * prints a table and writes it to {@code target/bench/}. It is not a test: nothing runs it but the
 * profile, and it always stops by itself.
 */
public final class TokenBench {
    private static final int MIN_QUIET_SECONDS = 5;

    private final BenchConfig config;
    private final StringBuilder report = new StringBuilder();

    private TokenBench(BenchConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config;
        try {
            config = BenchConfig.fromSystemProperties();
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        int status = new TokenBench(config).run();
        System.exit(status);
    }

    /** What was set up for one algorithm. */
    private record AlgScenario(String alg, String clientId, String secret, String signingInput, String payloadJson,
            String kid, int rsaBits) {
    }

    private int run() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        long pid = config.serverPid() > 0 ? config.serverPid() : ServerProcess.listeningOn(config.port());
        ServerProcess server = new ServerProcess(pid);

        line("# Tessera token endpoint benchmark");
        line("");
        line("Run at " + DateTimeFormatter.ISO_INSTANT.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)));
        line("Machine: " + cores + " cores (nproc), " + Machine.cpuModel() + ", " + Machine.memTotal() + " RAM");
        line("Load generator JVM: Java " + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name")
                + "), " + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        line("Target: " + config.url() + " (" + config.target().getHostAddress() + "), " + config.connections()
                + " connections; " + config.serverWarmupSeconds() + " s server warm-up, then per scenario "
                + config.warmupSeconds() + " s warm-up + " + config.seconds()
                + " s measured; at most " + config.maxRequests() + " requests per phase");
        if (pid <= 0) {
            line("Server process: NOT FOUND listening on port " + config.port()
                    + " (set -Dbench.serverPid): server CPU is not measured");
        } else {
            ServerProcess.JitCheck jit = server.jit();
            String version = server.jcmd("VM.version").lines().filter(l -> l.contains("VM version") || l.startsWith("JDK"))
                    .findFirst().orElse("").trim();
            line("Server process: pid " + pid + (version.isEmpty() ? "" : ", " + version));
            line("Server JVM: " + jit.flags());
            if (!jit.c2Enabled()) {
                boolean unknown = jit.flags().contains("jcmd unavailable");
                line("Server JIT: " + (unknown ? "could not be checked" : "C2 is OFF (TieredStopAtLevel < 4 or similar)"));
                if (!unknown && !config.allowC1()) {
                    flush();
                    System.err.println("bench: the server runs without C2; start it as the README says "
                            + "(mvn -DskipTests package payara-micro:start, default JIT), or pass -Dbench.allowC1=true");
                    return 2;
                }
            } else {
                line("Server JIT: tiered with C2 (no TieredStopAtLevel)");
            }
        }
        if (!CpuMeter.available()) {
            line("/proc is not readable: CPU figures are not measured");
        }
        line("");
        flush();

        AdminApi admin = new AdminApi(config);
        String serverProvider = serverCryptoProvider(admin);
        boolean serverNative = serverProvider.contains("(native)");
        dev.tessera.crypto.CryptoStatus here = ProviderTable.matchServer(serverNative);
        line("Server crypto provider (/health/ready): " + serverProvider);
        line("This JVM's signing ceiling uses: " + (here != null ? here.describe() : "the JDK's providers")
                + (serverNative && (here == null || !here.nativeProvider()) ? " (WARNING: not the server's provider)" : ""));
        line("");
        List<AlgScenario> scenarios = new ArrayList<>();
        for (String alg : config.algorithms()) {
            scenarios.add(prepare(alg, admin));
        }

        // The signing ceiling, measured while the server is idle.
        line("## Raw signing rate in this JVM (server idle)");
        line("");
        line(String.format(Locale.ROOT, "| alg | key | Signature.sign 1 thread | Signature.sign %d threads | per CPU-s (%d thr) | jose4j JWS 1 thread |",
                cores, cores));
        line("|---|---|---:|---:|---:|---:|");
        flush();
        Map<String, Ceiling> ceilings = new LinkedHashMap<>();
        Map<String, KeyPair> keyPairs = new LinkedHashMap<>();
        double warm = Math.max(1, config.ceilingSeconds() / 3.0);
        SigningCeiling.Quiet quiet = new SigningCeiling.Quiet(pid, config.quietCores());
        for (AlgScenario s : scenarios) {
            awaitQuiet(pid, "ceiling " + s.alg());
            KeyPair keys = SigningCeiling.keyPair(s.alg(), s.rsaBits());
            keyPairs.put(s.alg(), keys);
            SigningCeiling.Rate raw1 = SigningCeiling.raw(s.alg(), keys.getPrivate(), s.signingInput(), 1, warm,
                    config.ceilingSeconds(), quiet);
            SigningCeiling.Rate rawN = SigningCeiling.raw(s.alg(), keys.getPrivate(), s.signingInput(), cores, warm,
                    config.ceilingSeconds(), quiet);
            SigningCeiling.Rate jose1 = SigningCeiling.jose4j(s.alg(), keys.getPrivate(), s.kid(), s.payloadJson(), 1, warm,
                    config.ceilingSeconds(), quiet);
            ceilings.put(s.alg(), new Ceiling(raw1, rawN, jose1, null));
            line(String.format(Locale.ROOT, "| %s | %s | %,.0f /s | %,.0f /s | %,.0f | %,.0f /s |", s.alg(), keyName(s),
                    raw1.opsPerSecond(), rawN.opsPerSecond(), rawN.opsPerCpuSecond(), jose1.opsPerSecond()));
            flush();
        }
        line("");
        line("Signing input: the header.payload of a token the server just issued (" + scenarios.get(0).signingInput().length()
                + " bytes for " + scenarios.get(0).alg() + ").");
        line("");
        line("Provider table (this JVM, idle server, one thread each):");
        line("");
        Map<String, String> inputs = new LinkedHashMap<>();
        scenarios.forEach(s -> inputs.put(s.alg(), s.signingInput()));
        ProviderTable.rows(keyPairs, inputs, warm, config.ceilingSeconds(), quiet).forEach(this::line);
        line("");
        flush();

        // The load scenarios.
        line("## Token endpoint under load");
        line("");
        flush();
        Map<String, LoadRun.Result> results = new LinkedHashMap<>();
        Map<String, String> profiles = new LinkedHashMap<>();
        InetSocketAddress address = new InetSocketAddress(config.target(), config.port());
        Map<String, byte[]> requests = new LinkedHashMap<>();
        for (AlgScenario s : scenarios) {
            requests.put(s.alg(), LoadRun.tokenRequest(config.authority(), config.endpoint("/token").getRawPath(),
                    basic(s.clientId(), s.secret()), "grant_type=client_credentials"));
        }
        if (config.serverWarmupSeconds() > 0) {
            // The JIT compiles the request path with C2 only after thousands of requests: warm it up once,
            // with every scenario's requests mixed, before anything is measured.
            awaitQuiet(pid, "server warm-up");
            System.out.printf(Locale.ROOT, "Server warm-up: %d s, %s mixed over %d connections...%n",
                    config.serverWarmupSeconds(), String.join(" and ", requests.keySet()), config.connections());
            LoadRun.Result warmup = new LoadRun(address, new ArrayList<>(requests.values()), config.connections(),
                    config.maxRequests()).run(0, config.serverWarmupSeconds(), new CpuMeter(pid), null);
            line(String.format(Locale.ROOT, "Server warm-up: %d s, %,d requests (%s mixed), %d errors; server CPU by thread "
                    + "(cores): %s", config.serverWarmupSeconds(), warmup.requests(), String.join(" and ", requests.keySet()),
                    warmup.errors(), warmup.cpu().serverThreads(6)));
            line("");
            flush();
        }
        for (AlgScenario s : scenarios) {
            byte[] request = requests.get(s.alg());
            awaitQuiet(pid, "load " + s.alg());
            CpuMeter meter = new CpuMeter(pid);
            String recording = "tessera-bench-" + s.alg().toLowerCase(Locale.ROOT);
            boolean jfr = config.jfr() && pid > 0 && server.startRecording(recording);
            Instant[] measureStart = new Instant[1];
            System.out.printf(Locale.ROOT, "%s: %d s warm-up, %d s measured at %d connections...%n", s.alg(),
                    config.warmupSeconds(), config.seconds(), config.connections());
            LoadRun.Result result = new LoadRun(address, List.of(request), config.connections(), config.maxRequests())
                    .run(config.warmupSeconds(), config.seconds(), meter, t -> measureStart[0] = Instant.now());
            results.put(s.alg(), result);
            if (jfr) {
                Files.createDirectories(config.output());
                Path file = config.output().resolve(recording + ".jfr");
                if (server.stopRecording(recording, file)) {
                    profiles.put(s.alg(), "Recording: " + file + "\n\n" + JfrProfile.summarise(file, measureStart[0], 25));
                } else {
                    profiles.put(s.alg(), "(JFR recording failed)");
                }
            }
            System.out.printf(Locale.ROOT, "%s: %,.0f tokens/s, p50 %.2f ms, p99 %.2f ms, %d errors%n", s.alg(),
                    result.throughput(), result.percentileMillis(50), result.percentileMillis(99), result.errors());
            // The ceiling again, right after the load, on the same (now idle) machine.
            Thread.sleep(1000);
            SigningCeiling.Rate again = SigningCeiling.raw(s.alg(), keyPairs.get(s.alg()).getPrivate(), s.signingInput(), cores,
                    warm, config.ceilingSeconds(), quiet);
            ceilings.put(s.alg(), ceilings.get(s.alg()).after(again));
        }

        for (AlgScenario s : scenarios) {
            Ceiling c = ceilings.get(s.alg());
            line(String.format(Locale.ROOT, "%s raw %d-thread signing rate: %,.0f /s before the load, %,.0f /s after it "
                    + "(other processes: %.2f cores); ceiling used below: their mean, %,.0f /s (%,.0f per CPU-s); over the %d "
                    + "quiet seconds of both: %,.0f /s (%,.0f per CPU-s)", s.alg(), cores, c.rawN().opsPerSecond(),
                    c.rawNAfter().opsPerSecond(), c.otherCores(), c.opsPerSecond(), c.opsPerCpuSecond(), c.quietSeconds(),
                    c.quietOpsPerSecond(), c.quietOpsPerCpuSecond()));
            if (c.drift() > Ceiling.UNSTEADY) {
                line(String.format(Locale.ROOT, "UNSTEADY MACHINE: %s's raw signing rate per CPU-second changed by %.0f %% between the "
                        + "measurement before the load and the one after it; the machine itself got faster or slower during "
                        + "the run, so a verdict within that margin of a target says nothing.", s.alg(), 100 * c.drift()));
            }
        }
        line("");
        line(String.format(Locale.ROOT, "| alg | tokens/s | p50 ms | p99 ms | p99.9 ms | max ms | errors | per-second min–max "
                + "| server CPU (cores; sys) | tokens per server CPU-s | load gen CPU (cores) | other CPU (cores) "
                + "| tokens/s ÷ raw %d-thread signs/s | tokens per server CPU-s ÷ raw signs per CPU-s |", cores));
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (AlgScenario s : scenarios) {
            LoadRun.Result r = results.get(s.alg());
            Ceiling c = ceilings.get(s.alg());
            long min = java.util.Arrays.stream(r.perSecond()).min().orElse(0);
            long max = java.util.Arrays.stream(r.perSecond()).max().orElse(0);
            line(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %.2f | %.1f | %d | %,d–%,d | %.2f; %.2f | %,.0f | %.2f | %.2f | %.1f %% | %.1f %% |",
                    s.alg(), r.throughput(), r.percentileMillis(50), r.percentileMillis(99), r.percentileMillis(99.9),
                    r.maxMillis(), r.errors(), min, max, r.cpu().serverCores(), r.cpu().serverSystemCores(),
                    r.perServerCpuSecond(), r.cpu().selfCores(),
                    r.cpu().otherCores(), 100 * r.throughput() / c.opsPerSecond(),
                    100 * r.perServerCpuSecond() / c.opsPerCpuSecond()));
        }
        line("");
        line("CPU: from /proc over the measured window; \"sys\" is the server's kernel time (mostly loopback TCP); \"other\" is "
                + "the whole machine's busy time less the server's and the load generator's (other processes, kernel work not "
                + "charged to either).");
        line("");
        line(String.format(Locale.ROOT, "Quiet seconds only (other processes at most %.2f cores in that second; the same "
                + "rule picks the ceiling's quiet seconds):", config.quietCores()));
        line("");
        line(String.format(Locale.ROOT, "| alg | quiet seconds | tokens/s | p50 ms | p99 ms | tokens per server CPU-s "
                + "| raw %d-thread signs/s (quiet) | tokens/s ÷ raw signs/s | tokens per server CPU-s ÷ raw signs per CPU-s |", cores));
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (AlgScenario s : scenarios) {
            LoadRun.Quiet q = results.get(s.alg()).quiet(config.quietCores());
            Ceiling c = ceilings.get(s.alg());
            line(String.format(Locale.ROOT, "| %s | %d of %d | %,.0f | %.2f | %.2f | %,.0f | %,.0f (%d s) | %.1f %% | %.1f %% |",
                    s.alg(), q.seconds(), q.of(), q.throughput(), q.percentileMillis(50), q.percentileMillis(99),
                    q.perServerCpuSecond(), c.quietOpsPerSecond(), c.quietSeconds(), 100 * q.throughput() / c.quietOpsPerSecond(),
                    100 * q.perServerCpuSecond() / c.quietOpsPerCpuSecond()));
        }
        line("");
        for (AlgScenario s : scenarios) {
            line("- " + s.alg() + " server CPU by thread (cores): " + results.get(s.alg()).cpu().serverThreads(6));
        }
        line("");
        for (AlgScenario s : scenarios) {
            double other = results.get(s.alg()).cpu().otherCores();
            if (other > config.quietCores()) {
                line(String.format(Locale.ROOT, "WARNING: other processes used %.2f of %d cores during the %s measurement: its "
                        + "figures are lower than this machine can do.", other, cores, s.alg()));
            }
        }
        if (pid > 0) {
            line("Server JIT after the run: " + server.compiledSummary());
        }
        line("");

        // Targets.
        new BenchTargets(config, cores, serverNative, MIN_QUIET_SECONDS).write(results, ceilings, this::line);
        long errors = results.values().stream().mapToLong(LoadRun.Result::errors).sum();
        boolean capped = results.values().stream().anyMatch(LoadRun.Result::capped);
        if (errors > 0) {
            line("");
            line("ERRORS: " + errors + " failed requests; first: " + results.values().stream().map(LoadRun.Result::firstError)
                    .filter(java.util.Objects::nonNull).findFirst().orElse("?"));
        }
        if (capped) {
            line("");
            line("Note: the request cap (bench.maxRequests) ended a scenario before its time; rates use the time actually run.");
        }
        if (!profiles.isEmpty()) {
            line("");
            line("## Server profile (JFR, measured window only)");
            profiles.forEach((alg, text) -> {
                line("");
                line("### " + alg);
                line("");
                line("```");
                line(text.stripTrailing());
                line("```");
            });
        }
        flush();

        Files.createDirectories(config.output());
        Path file = config.output().resolve("bench-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(Instant.now().atOffset(ZoneOffset.UTC)) + ".md");
        Files.writeString(file, report.toString());
        System.out.println();
        System.out.println("Results written to " + file);
        return errors > 0 ? 1 : 0;
    }

    /**
     * Waits, at most bench.quietWaitSeconds, until processes other than the server and this generator use
     * at most bench.quietCores over one second, so shared machines give comparable figures.
     */
    private void awaitQuiet(long pid, String phase) throws InterruptedException {
        CpuMeter meter = new CpuMeter(pid);
        long deadline = System.nanoTime() + config.quietWaitSeconds() * 1_000_000_000L;
        boolean told = false;
        while (true) {
            CpuMeter.Sample a = meter.sample();
            Thread.sleep(1000);
            CpuMeter.Usage u = meter.between(a, meter.sample());
            double busy = u.otherCores() + u.serverCores();
            if (busy <= config.quietCores()) {
                if (told) {
                    System.out.printf(Locale.ROOT, "(machine quiet now, %.2f cores busy)%n", busy);
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                line(String.format(Locale.ROOT, "(%s: the machine did not become quiet within %d s: %.2f cores busy with other "
                        + "work when it started)", phase, config.quietWaitSeconds(), busy));
                flush();
                return;
            }
            if (!told) {
                System.out.printf(Locale.ROOT, "(%s: %.2f cores busy with other processes; waiting up to %d s for <= %.2f)%n",
                        phase, busy, config.quietWaitSeconds(), config.quietCores());
                told = true;
            }
        }
    }

    // ----- set-up through the admin API -------------------------------------------------------------

    private AlgScenario prepare(String alg, AdminApi admin) throws Exception {
        String clientId = "bench-" + alg.toLowerCase(Locale.ROOT);
        String secret = admin.upsertClient(clientId, "{\"client_id\":\"" + clientId + "\",\"client_name\":\"Tessera benchmark "
                + alg + "\",\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"client_secret_basic\","
                + "\"scope\":\"read\",\"access_token_signing_alg\":\"" + alg + "\"}");

        // One token through the same raw-socket path as the load, to check it and to take its signing input.
        KeepAliveConnection connection = new KeepAliveConnection(new InetSocketAddress(config.target(), config.port()));
        try {
            connection.exchange(LoadRun.tokenRequest(config.authority(), config.endpoint("/token").getRawPath(),
                    basic(clientId, secret), "grant_type=client_credentials"));
        } finally {
            connection.close();
        }
        if (connection.status() != 200) {
            throw new IllegalStateException("Token request as " + clientId + " failed: HTTP " + connection.status() + " " + connection.body());
        }
        String token = (String) json(connection.body()).get("access_token");
        String[] parts = token.split("\\.");
        Map<String, Object> header = json(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        if (!alg.equals(header.get("alg"))) {
            throw new IllegalStateException(clientId + " got a token signed with " + header.get("alg") + ", not " + alg);
        }
        String kid = (String) header.get("kid");
        return new AlgScenario(alg, clientId, secret, parts[0] + "." + parts[1], payload, kid, rsaBits(kid, admin));
    }

    /** The modulus length of the server's RSA key, so the local ceiling signs with the same size. */
    private static int rsaBits(String kid, AdminApi admin) throws IOException, InterruptedException, JoseException {
        HttpResponse<String> jwks = admin.get("/jwks");
        for (JsonWebKey key : new JsonWebKeySet(jwks.body()).getJsonWebKeys()) {
            if (kid.equals(key.getKeyId()) && key instanceof RsaJsonWebKey rsa) {
                return rsa.getRsaPublicKey().getModulus().bitLength();
            }
        }
        return 2048;
    }

    /** The crypto-provider line of the server's readiness check, e.g. "AmazonCorrettoCryptoProvider 2.5.0 (native)". */
    static String serverCryptoProvider(AdminApi admin) throws IOException, InterruptedException {
        HttpResponse<String> ready = admin.get("/health/ready");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"crypto-provider\":\"([^\"]*)\"").matcher(ready.body());
        return m.find() ? m.group(1) : "unknown (no crypto-provider in /health/ready)";
    }

    private static String basic(String id, String secret) {
        return AdminApi.basic(id, secret);
    }

    private static Map<String, Object> json(String text) {
        return AdminApi.json(text);
    }

    private static String keyName(AlgScenario s) {
        return switch (s.alg()) {
            case "RS256", "PS256" -> "RSA " + s.rsaBits();
            case "ES256" -> "EC P-256";
            default -> "Ed25519";
        };
    }

    // ----- machine description and output ----------------------------------------------------------

    private int flushed;

    private void line(String text) {
        report.append(text.replace("NaN", "n/a")).append('\n');
    }

    private void flush() {
        System.out.print(report.substring(flushed));
        System.out.flush();
        flushed = report.length();
    }
}
