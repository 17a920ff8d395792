package dev.tessera.bench;

import dev.tessera.config.PasswordSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntFunction;

/**
 * Issue 23, point 1: Tessera, Keycloak and node-oidc-provider on loopback, loaded the same way and alternately, each
 * figure per CPU-second of the server process, beside the raw ceilings of the same run. {@code .ci/bench-peers}
 * starts the servers and writes the properties file named by {@code -Dpeers.file} (ports, pids, secrets, timings,
 * deadline); this class provisions the clients, measures the ceilings, warms each server in turn with all its
 * workloads mixed, then runs rounds: per round, each workload on each server (the order rotated every round), and
 * the ceilings again. It stops measuring before the deadline, whatever is left. docs/performance.md, "The peers side
 * by side".
 */
public final class PeersBench {
    /** The workloads, in the order the issue lists them. */
    static final Map<String, String> WORKLOADS = new LinkedHashMap<>();

    static {
        WORKLOADS.put("cc-rs256", "client_credentials RS256");
        WORKLOADS.put("cc-es256", "client_credentials ES256");
        WORKLOADS.put("cc-opaque", "client_credentials opaque");
        WORKLOADS.put("introspect", "introspection");
        WORKLOADS.put("refresh", "refresh_token (rotated)");
        WORKLOADS.put("signin", "authorization-code sign-in with a password (whole)");
    }

    private final BenchConfig config;
    private final Properties props;
    private final long deadlineNanos;
    private final SuiteReport report = new SuiteReport("peers");

    private PeersBench(BenchConfig config, Properties props) {
        this.config = config;
        this.props = props;
        long left = Long.parseLong(props.getProperty("deadlineEpochSeconds")) - Instant.now().getEpochSecond();
        this.deadlineNanos = System.nanoTime() + left * 1_000_000_000L;
    }

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(BenchConfig.prop("peers.file", "target/peers/peers.properties")))) {
            props.load(in);
        }
        System.exit(new PeersBench(BenchConfig.fromSystemProperties(), props).run());
    }

    private int number(String key) {
        return Integer.parseInt(props.getProperty(key));
    }

    private int run() throws Exception {
        String secret = props.getProperty("secret");
        String password = props.getProperty("user.password"); // the sign-in user's, the same on each server
        // "servers": which of them to load (default all three); Tessera alone serves to profile its workloads in this shape.
        List<String> servers = List.of(props.getProperty("servers", "tessera,keycloak,node").split(","));
        List<Peer> peers = new ArrayList<>();
        if (servers.contains("tessera")) {
            peers.add(PeerProvisioning.tessera(config, number("tessera.pid"), password));
        }
        if (servers.contains("keycloak")) {
            peers.add(PeerProvisioning.keycloak(number("keycloak.port"), number("keycloak.pid"),
                    props.getProperty("keycloak.adminPassword"), secret, password));
        }
        if (servers.contains("node")) {
            peers.add(PeerProvisioning.node(number("node.port"), number("node.pid"), secret, password));
        }
        List<String> workloads = List.of(props.getProperty("workloads", String.join(",", WORKLOADS.keySet())).split(","));
        header(peers);
        // The ceilings use Tessera's provider (the native one when it runs it); the peers sign with their own.
        dev.tessera.crypto.CryptoStatus here = ProviderTable.matchServer(peers.get(0).description().contains("(native)"));
        report.line("The ceilings below are this JVM's, with " + (here != null ? here.describe() : "the JDK's providers")
                + " (Tessera's provider); Keycloak signs with its JDK's providers, node-oidc-provider with Node's OpenSSL.");
        report.line("");
        PasswordSettings argon2 = HashingCeiling.settings(props.getProperty("argon2", "19456,2,1"));
        SigningCeiling.Quiet quiet = new SigningCeiling.Quiet(0, config.quietCores());
        Map<String, SigningCeiling.Rate[]> before = ceilings(argon2, quiet, peers);
        report.ceilings("before the load", before, argon2);

        int warmup = number("warmupSeconds");
        for (Peer peer : peers) {
            if (!timeFor(warmup)) {
                break;
            }
            List<Scenario> all = workloads.stream().map(peer.workloads()::get).filter(java.util.Objects::nonNull).toList();
            System.out.printf(Locale.ROOT, "Warm-up of %s: %d s, its workloads mixed...%n", peer.name(), warmup);
            IntFunction<LoadRun.Step> mixed = i -> all.get(i % all.size()).steps().apply(i);
            LoadRun.Result r = load(peer, mixed, 0, warmup);
            report.line(String.format(Locale.ROOT, "- warm-up of %s: %d s, %,.0f requests/s, %,.0f per server CPU-s, %d errors%s",
                    peer.name(), warmup, r.throughput(), r.perServerCpuSecond(), r.errors(),
                    r.firstError() == null ? "" : " (first: " + r.firstError() + ")"));
        }
        report.line("");

        Map<String, PeerTally> tallies = new LinkedHashMap<>();
        int seconds = config.seconds();
        int rounds = number("rounds");
        boolean cut = false;
        for (int round = 0; round < rounds && !cut; round++) {
            for (String workload : workloads) {
                for (int k = 0; k < peers.size(); k++) {
                    Peer peer = peers.get((k + round) % peers.size());
                    Scenario scenario = peer.workloads().get(workload);
                    if (scenario == null) {
                        continue;
                    }
                    if (!timeFor(config.warmupSeconds() + seconds)) {
                        cut = true;
                        break;
                    }
                    ProcessMemory memory = ProcessMemory.sample(new long[] {peer.pid()});
                    LoadRun.Result r = load(peer, scenario.steps(), config.warmupSeconds(), seconds);
                    tallies.computeIfAbsent(workload + "|" + peer.name(), key -> new PeerTally()).add(r, memory.stopMaxMib());
                    System.out.printf(Locale.ROOT, "round %d, %s, %s: %,.1f/s, %,.1f per server CPU-s, p99 %.2f ms, %d errors%n",
                            round + 1, WORKLOADS.get(workload), peer.name(), r.throughput(), r.perServerCpuSecond(),
                            r.percentileMillis(99), r.errors());
                }
            }
        }
        if (cut) {
            report.line("**The deadline (--cap-minutes) cut the rounds short; the tables hold the rounds that ran.**");
            report.line("");
        }
        Map<String, SigningCeiling.Rate[]> after = ceilings(argon2, quiet, peers);
        new PeersTable(report, peers, workloads, tallies).write(before, after);
        report.ceilings("after the load", after, argon2);
        for (Peer peer : peers) {
            report.line(String.format(Locale.ROOT, "- %s: RSS after the load %.0f MiB, peak (VmHWM) %.0f MiB", peer.name(),
                    ProcessMemory.rssKib(peer.pid()) / 1024.0, ProcessMemory.peakKib(peer.pid()) / 1024.0));
        }
        return write(tallies);
    }

    /** The suite's ceilings, and the raw ceiling of each peer's own password hash beside Tessera's Argon2id. */
    private Map<String, SigningCeiling.Rate[]> ceilings(PasswordSettings argon2, SigningCeiling.Quiet quiet, List<Peer> peers)
            throws Exception {
        Map<String, SigningCeiling.Rate[]> out = SuiteBench.ceilings(argon2, quiet, config.ceilingSeconds());
        int seconds = config.ceilingSeconds();
        double warm = Math.max(1, seconds / 3.0);
        for (Peer peer : peers) {
            PasswordCeiling hash = peer.password();
            if (hash != null && hash.runner() != null) {
                System.out.println("Ceiling: " + hash.name() + "...");
                out.put(hash.name(), new SigningCeiling.Rate[] {hash.runner().rate(1, warm, seconds, quiet),
                    hash.runner().rate(Runtime.getRuntime().availableProcessors(), warm, seconds, quiet)});
            }
        }
        return out;
    }

    private void header(List<Peer> peers) {
        report.line("# Tessera, Keycloak and node-oidc-provider side by side (.ci/bench-peers)");
        report.line("");
        report.line("Run at " + DateTimeFormatter.ISO_INSTANT.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)));
        report.line("Machine: " + Machine.describe() + " (the load generator's JVM)");
        report.line(String.format(Locale.ROOT, "%d connections; per server and workload per round %d s warm-up + %d s measured; "
                + "%s rounds, server order rotated each round; warm-up of each server %s s", config.connections(),
                config.warmupSeconds(), config.seconds(), props.getProperty("rounds"), props.getProperty("warmupSeconds")));
        for (Peer peer : peers) {
            report.line(String.format(Locale.ROOT, "- %s (%s): pid %d, RSS at rest %.0f MiB; %s", peer.name(),
                    props.getProperty(peer.name().replaceAll("[^A-Za-z]+.*", "").toLowerCase(Locale.ROOT) + ".version", "?"),
                    peer.pid(), ProcessMemory.rssKib(peer.pid()) / 1024.0, peer.description()));
        }
        report.line("");
    }

    /** True when a load of this many seconds (plus the closing ceilings) still ends before the deadline. */
    private boolean timeFor(int seconds) {
        long reserve = (6L * config.ceilingSeconds() * 2 + 20) * 1_000_000_000L;
        return System.nanoTime() + (seconds + 2) * 1_000_000_000L + reserve < deadlineNanos;
    }

    private LoadRun.Result load(Peer peer, IntFunction<LoadRun.Step> steps, int warmup, int seconds) throws InterruptedException {
        return new LoadRun(List.of(peer.address()), steps, config.connections(), config.maxRequests())
                .run(warmup, seconds, new CpuMeter(peer.pid()), null);
    }

    private int write(Map<String, PeerTally> tallies) throws IOException {
        Files.createDirectories(config.output());
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(Instant.now().atOffset(ZoneOffset.UTC));
        Path file = config.output().resolve("peers-" + stamp + ".md");
        Files.writeString(file, report.text());
        System.out.println("Results written to " + file);
        return tallies.values().stream().mapToLong(PeerTally::errors).sum() > 0 ? 1 : 0;
    }
}
