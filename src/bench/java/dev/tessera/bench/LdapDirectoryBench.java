package dev.tessera.bench;

import dev.tessera.user.LoginResult;
import dev.tessera.user.ldap.LdapConnections;
import dev.tessera.user.ldap.LdapDirectory;
import dev.tessera.user.ldap.LdapFixture;
import dev.tessera.user.ldap.LdapGroupCache;
import dev.tessera.user.ldap.LdapGroups;
import dev.tessera.user.ldap.LdapSettings;
import dev.tessera.user.ldap.LdapTestServer;
import dev.tessera.user.ldap.LdapTuning;
import dev.tessera.user.ldap.LdapUserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The LDAP part of a directory sign-in at scale (issue 25): the fixture of {@link LdapFixture} (default 100,000
 * people, 2,000 groups nested three levels, each person directly in 15 groups) in an in-memory UnboundID directory
 * on loopback, and {@link LdapUserStore#authenticate} (user search, bind, groups) timed for random people, once
 * per group strategy: the level-by-level search without any cache (what Tessera did before), with the group cache,
 * and with memberOf on the entries. Not a test: nothing runs it but this command (docs/performance.md):
 *
 * <pre>
 * mvn -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * (arguments: people, groups, direct groups per person, sign-ins per row, equality indexes, warm-up sign-ins)
 * java -Xmx6g -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tessera.bench.LdapDirectoryBench 100000 2000 15 400 true
 * </pre>
 */
public final class LdapDirectoryBench {
    private LdapDirectoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int groups = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int perUser = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int samples = args.length > 3 ? Integer.parseInt(args[3]) : 400;
        boolean indexed = args.length > 4 && Boolean.parseBoolean(args[4]);
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 500;
        System.out.println("# LDAP sign-in benchmark, " + Machine.describe());
        System.out.printf("%,d people, %,d groups (three levels), %d direct groups each; %d warm-up sign-ins, then %d per row; directory %s%n%n",
                users, groups, perUser, warmup, samples, indexed ? "with equality indexes on uid, entryUUID, member, memberOf" : "without indexes (every search a scan)");
        System.out.println("| strategy | threads | median ms | p99 ms | LDAP searches per sign-in | binds per sign-in |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        LdapTuning defaults = LdapTuning.defaults();
        LdapTuning uncached = new LdapTuning(LdapTuning.NONE, Duration.ZERO, Duration.ZERO, 2, Duration.ofSeconds(3), Duration.ofMinutes(10));
        LdapTuning cacheOnly = new LdapTuning(LdapTuning.NONE, defaults.groupCacheTtl(), defaults.negativeCacheTtl(), 2,
                Duration.ofSeconds(3), Duration.ofMinutes(10));
        long load = System.nanoTime();
        try (LdapTestServer plain = LdapTestServer.generated(new LdapFixture(users, groups, perUser, false), 0, indexed)) {
            System.err.printf("loaded in %d s%n", (System.nanoTime() - load) / 1_000_000_000L);
            run("level by level, no cache (before)", plain, uncached, users, samples, warmup);
            run("level by level, group cache", plain, cacheOnly, users, samples, warmup);
        }
        try (LdapTestServer overlay = LdapTestServer.generated(new LdapFixture(users, groups, perUser, true), 0, indexed)) {
            run("memberOf on the entry + group cache", overlay, defaults, users, samples, warmup);
        }
    }

    private static void run(String strategy, LdapTestServer server, LdapTuning tuning, int users, int samples, int warmup)
            throws Exception {
        LdapSettings settings = LdapTestServer.openLdapSettings(server.url());
        LdapConnections connections = new LdapConnections(settings);
        try {
            LdapDirectory directory = new LdapDirectory(connections);
            LdapGroups groups = new LdapGroups(settings, tuning, directory, new LdapGroupCache(tuning), Clock.systemUTC());
            LdapUserStore store = new LdapUserStore(settings, tuning, directory, groups, Clock.systemUTC());
            Random random = new Random(7);
            for (int i = 0; i < warmup; i++) {
                signIn(store, random.nextInt(users)); // warm-up: JIT, pool, group cache
            }
            for (int threads : new int[] {1, 4}) {
                server.resetCounts();
                List<Long> times = Collections.synchronizedList(new ArrayList<>());
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    long seed = 100 + t;
                    work.add(pool.submit(() -> {
                        Random r = new Random(seed);
                        for (int i = 0; i < samples / threads; i++) {
                            long start = System.nanoTime();
                            signIn(store, r.nextInt(users));
                            times.add(System.nanoTime() - start);
                        }
                        return null;
                    }));
                }
                for (Future<?> each : work) {
                    each.get();
                }
                pool.shutdown();
                List<Long> sorted = new ArrayList<>(times);
                Collections.sort(sorted);
                System.out.printf("| %s | %d | %.2f | %.2f | %.2f | %.2f |%n", strategy, threads, ms(sorted, 0.5), ms(sorted, 0.99),
                        server.searches() / (double) sorted.size(), server.binds() / (double) sorted.size());
            }
        } finally {
            connections.close();
        }
    }

    private static void signIn(LdapUserStore store, int user) {
        Optional<LoginResult> result = store.authenticate("user" + user, LdapTestServer.PASSWORD);
        if (result.isEmpty() || !(result.get() instanceof LoginResult.Success)) {
            throw new IllegalStateException("user" + user + " did not sign in: " + result);
        }
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
