package dev.tessera.bench;

import dev.tessera.user.ldap.LdapTestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The measured part of {@link LdapSignInBench}: warm-up, then directory and local sign-ins interleaved (one after
 * the other on one connection, the order swapped every round so neither always follows the other), then the same
 * with four threads on four connections. Each sequential sign-in is bracketed by readings of the server's CPU
 * ticks and the directory's operation counts, so both are attributed per kind of sign-in.
 */
final class LdapSignInRun {
    private final SignInFlow.Setup local;
    private final InetSocketAddress address;
    private final LdapTestServer directory;
    private final long serverPid;
    private final int users;
    private final long hz = CpuMeter.clockTicks();

    LdapSignInRun(SignInFlow.Setup local, InetSocketAddress address, LdapTestServer directory, long serverPid, int users) {
        this.local = local;
        this.address = address;
        this.directory = directory;
        this.serverPid = serverPid;
        this.users = users;
    }

    void measure(StringBuilder report) throws Exception {
        int warmup = Integer.parseInt(BenchConfig.prop("ldapsignin.warmup", "200"));
        int samples = Integer.parseInt(BenchConfig.prop("ldapsignin.samples", "300"));
        int threads = Integer.parseInt(BenchConfig.prop("ldapsignin.threads", "4"));
        long started = System.nanoTime();
        try (KeepAliveConnection c = new KeepAliveConnection(address)) {
            rounds(c, new Random(1), warmup, new LdapSignInSamples(), new LdapSignInSamples());
        }
        report.append(String.format(Locale.ROOT, "Warm-up: %d sign-ins of each kind in %.0f s (not counted)%n%n", warmup,
                (System.nanoTime() - started) / 1e9));
        report.append("| phase | sign-in | n | median ms | p99 ms | server CPU ms per sign-in | directory searches per sign-in "
                + "| binds per sign-in |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        LdapSignInSamples ldap = new LdapSignInSamples();
        LdapSignInSamples db = new LdapSignInSamples();
        try (KeepAliveConnection c = new KeepAliveConnection(address)) {
            rounds(c, new Random(2), samples, ldap, db);
        }
        row(report, "sequential", ldap, db, true);
        LdapSignInSamples pLdap = new LdapSignInSamples();
        LdapSignInSamples pDb = new LdapSignInSamples();
        CpuMeter meter = new CpuMeter(serverPid);
        CpuMeter.Sample before = meter.sample();
        directory.resetCounts();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seed = 10 + t;
            work.add(pool.submit(() -> {
                try (KeepAliveConnection c = new KeepAliveConnection(address)) {
                    rounds(c, new Random(seed), samples / threads, pLdap, pDb);
                }
                return null;
            }));
        }
        for (Future<?> each : work) {
            each.get();
        }
        pool.shutdown();
        CpuMeter.Usage usage = meter.between(before, meter.sample());
        row(report, threads + " in parallel", pLdap, pDb, false);
        int all = pLdap.count() + pDb.count();
        report.append(String.format(Locale.ROOT, "%nIn parallel: %d sign-ins in %.1f s, server %.2f cores, %.1f ms of server CPU per "
                + "sign-in (both kinds together), directory and load generator (this JVM) %.2f cores, other processes %.2f cores; "
                + "%.2f directory searches per sign-in (both kinds).%n", all, usage.wallSeconds(), usage.serverCores(),
                usage.serverCpuSeconds() * 1000 / all, usage.selfCores(), usage.otherCores(), directory.searches() / (double) all));
    }

    /** {@code n} rounds of one directory and one local sign-in, in alternating order. */
    private void rounds(KeepAliveConnection c, Random random, int n, LdapSignInSamples ldap, LdapSignInSamples db) throws IOException {
        for (int i = 0; i < n; i++) {
            SignInFlow.Setup person = new SignInFlow.Setup(local.authority(), local.clientId(), local.basicCredentials(),
                    local.redirectUri(), local.scope(), "user" + random.nextInt(users), LdapTestServer.PASSWORD);
            if (i % 2 == 0) {
                timed(c, person, ldap);
                timed(c, local, db);
            } else {
                timed(c, local, db);
                timed(c, person, ldap);
            }
        }
    }

    private void timed(KeepAliveConnection c, SignInFlow.Setup who, LdapSignInSamples into) throws IOException {
        Path stat = Path.of("/proc/" + serverPid + "/stat");
        int searches = directory.searches();
        int binds = directory.binds();
        long[] cpu = CpuMeter.processTicks(stat);
        long start = System.nanoTime();
        new SignInFlow(who).run(c);
        long elapsed = System.nanoTime() - start;
        long[] after = CpuMeter.processTicks(stat);
        into.add(elapsed, after[0] + after[1] - cpu[0] - cpu[1], directory.searches() - searches, directory.binds() - binds);
    }

    /** Per-kind CPU and directory counts only when sequential: in parallel the brackets overlap (see the line below the table). */
    private void row(StringBuilder report, String phase, LdapSignInSamples ldap, LdapSignInSamples db, boolean attributed) {
        for (Object[] kind : new Object[][] {{"directory", ldap}, {"local", db}}) {
            LdapSignInSamples s = (LdapSignInSamples) kind[1];
            report.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %s |%n", phase, kind[0], s.count(),
                    s.millis(0.5), s.millis(0.99), attributed ? String.format(Locale.ROOT, "%.1f | %.2f | %.2f", s.serverCpuMillis(hz),
                            s.searchesPerSignIn(), s.bindsPerSignIn()) : "– | – | –"));
        }
        report.append(String.format(Locale.ROOT, "| %s | **directory ÷ local** | | **%.2f** | %.2f | %s | | |%n", phase,
                ldap.millis(0.5) / db.millis(0.5), ldap.millis(0.99) / db.millis(0.99),
                attributed ? String.format(Locale.ROOT, "%.2f", ldap.serverCpuMillis(hz) / db.serverCpuMillis(hz)) : "–"));
    }

    /** The Argon2id ceiling of this run, the server's default parameters (a local sign-in verifies one hash). */
    static String argon2Ceiling(long serverPid) {
        SigningCeiling.Rate one = HashingCeiling.rate(HashingCeiling.settings("19456,2,1"), 1, 2, 5,
                new SigningCeiling.Quiet(serverPid, 0.25));
        return String.format(Locale.ROOT, "%nArgon2id ceiling (m=19456 KiB, t=2, p=1, one thread, this JVM, server idle): %.1f "
                + "verifications/s, %.1f per CPU-second, %.1f ms each; other processes %.2f cores meanwhile.%n",
                one.opsPerSecond(), one.opsPerCpuSecond(), 1000 / one.opsPerSecond(), one.otherCores());
    }
}
