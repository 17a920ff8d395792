package dev.tessera.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * The suite's settings on top of {@link BenchConfig}: the nodes (several URLs on loopback, one per node;
 * connections are spread over them), the scenarios, the concurrency sweep and the Argon2id parameters.
 *
 * @param nodes     {@code bench.urls}, default {@code bench.url}; each must resolve to loopback only
 * @param label     {@code bench.label}, names this run's results, e.g. "one node"
 * @param scenarios {@code bench.scenarios}: cc-rs256, cc-es256, refresh, introspect, authcode
 * @param sweep     {@code bench.sweep}: connection counts of the client_credentials ES256 sweep ("none": no sweep)
 * @param sweepSeconds measured seconds per sweep level (plus 3 s warm-up)
 * @param argon2    {@code bench.argon2}: the server's tessera.passwords.argon2 memory-kib,iterations,parallelism
 * @param chart     {@code bench.chart}: where to write the SVG of every sweep-*.csv in the output directory
 */
record SuiteConfig(List<URI> nodes, String label, List<String> scenarios, List<Integer> sweep, int sweepSeconds, String argon2,
        String chart) {
    static final List<String> ALL = List.of("cc-rs256", "cc-es256", "refresh", "introspect", "authcode");

    static SuiteConfig fromSystemProperties(BenchConfig base) {
        List<URI> nodes = list(prop("bench.urls", base.url().toString())).stream().map(URI::create).toList();
        for (URI node : nodes) {
            if (!"http".equals(node.getScheme()) || node.getPort() <= 0) {
                throw new IllegalArgumentException("bench.urls: http://host:port on loopback, not " + node);
            }
            BenchConfig.loopbackOnly(node.getHost());
        }
        List<String> scenarios = list(prop("bench.scenarios", String.join(",", ALL)));
        for (String s : scenarios) {
            if (!ALL.contains(s)) {
                throw new IllegalArgumentException("bench.scenarios: unknown " + s + ", expected some of " + ALL);
            }
        }
        String sweepList = prop("bench.sweep", "1,2,4,8,16,32");
        List<Integer> sweep = sweepList.equals("none") ? List.of() : list(sweepList).stream().map(Integer::valueOf).toList();
        if (sweep.stream().anyMatch(n -> n < 1 || n > 256)) {
            throw new IllegalArgumentException("bench.sweep: connection counts between 1 and 256");
        }
        return new SuiteConfig(nodes, prop("bench.label", nodes.size() == 1 ? "one node" : nodes.size() + " nodes"), scenarios,
                sweep, Integer.parseInt(prop("bench.sweepSeconds", "10")), prop("bench.argon2", "19456,2,1"),
                prop("bench.chart", ""));
    }

    List<InetSocketAddress> addresses() {
        return nodes.stream().map(u -> new InetSocketAddress(BenchConfig.loopbackOnly(u.getHost()), u.getPort())).toList();
    }

    /** The Host header of each node. */
    List<String> authorities() {
        return nodes.stream().map(u -> u.getHost() + ":" + u.getPort()).toList();
    }

    long[] pids() {
        return nodes.stream().mapToLong(u -> ServerProcess.listeningOn(u.getPort())).toArray();
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String prop(String name, String fallback) {
        return BenchConfig.prop(name, fallback);
    }
}
