package dev.tessera.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's settings, from {@code -Dbench.*} system properties (the {@code bench} Maven profile
 * passes them on). Every run is bounded: a fixed warm-up and measurement time per scenario, a cap on
 * requests, and a server on a loopback address only.
 *
 * @param url            base URL of the running server; its host must resolve to loopback addresses only
 * @param target         the loopback address connected to
 * @param adminClientId  the bootstrap admin client
 * @param adminSecret    its secret ({@code -Dbench.adminSecret} or env TESSERA_BOOTSTRAP_ADMIN_SECRET)
 * @param connections    concurrent keep-alive connections, one closed-loop worker each
 * @param serverWarmupSeconds load before anything is measured, all scenarios' requests mixed, so the
 *                       server's JIT has compiled the whole request path with C2 (not recorded)
 * @param warmupSeconds  load before measuring, per scenario (not recorded)
 * @param seconds        measured load per scenario
 * @param maxRequests    hard cap on requests per scenario, warm-up included
 * @param algorithms     one scenario (and one benchmark client) per JWS algorithm
 * @param ceilingSeconds measurement time of each raw signing-rate run (plus a third of it as warm-up)
 * @param serverPid      the server JVM's pid; 0 finds the process listening on the URL's port
 * @param jfr            record a JFR profile of the server during each measurement and summarise it
 * @param allowC1        run even if the server JVM has C2 switched off (figures are then not comparable)
 * @param output         directory for the results file and JFR recordings
 * @param quietCores     the most CPU (in cores) other processes may use for a phase to start
 * @param quietWaitSeconds how long each phase waits for the machine to be that quiet; then it runs anyway
 *                       and the report says how busy the machine was
 */
record BenchConfig(URI url, InetAddress target, String adminClientId, String adminSecret, int connections,
        int serverWarmupSeconds, int warmupSeconds, int seconds, long maxRequests, List<String> algorithms, int ceilingSeconds,
        long serverPid, boolean jfr, boolean allowC1, Path output, double quietCores, int quietWaitSeconds) {

    static final List<String> KNOWN_ALGORITHMS = List.of("RS256", "PS256", "ES256", "EdDSA");

    static BenchConfig fromSystemProperties() {
        URI url = URI.create(prop("bench.url", "http://127.0.0.1:8080"));
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("bench.url must be an http:// URL on a loopback address, not " + url);
        }
        InetAddress target = loopbackOnly(url.getHost());
        String secret = prop("bench.adminSecret", "");
        if (secret.isEmpty()) {
            secret = System.getenv().getOrDefault("TESSERA_BOOTSTRAP_ADMIN_SECRET", "");
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("Set TESSERA_BOOTSTRAP_ADMIN_SECRET (or -Dbench.adminSecret) to the "
                    + "secret the server's tessera-admin client was bootstrapped with");
        }
        List<String> algorithms = Arrays.stream(prop("bench.algorithms", "RS256,ES256").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String alg : algorithms) {
            if (!KNOWN_ALGORITHMS.contains(alg)) {
                throw new IllegalArgumentException("bench.algorithms: unknown algorithm " + alg + ", expected one of " + KNOWN_ALGORITHMS);
            }
        }
        BenchConfig config = new BenchConfig(url, target, prop("bench.adminClientId", "tessera-admin"), secret,
                intProp("bench.connections", 16, 1, 1024),
                intProp("bench.serverWarmupSeconds", 60, 0, 600),
                intProp("bench.warmupSeconds", 5, 0, 600),
                intProp("bench.seconds", 20, 1, 600),
                longProp("bench.maxRequests", 2_000_000L, 1, 100_000_000L),
                algorithms,
                intProp("bench.ceilingSeconds", 5, 1, 120),
                longProp("bench.serverPid", 0, 0, Long.MAX_VALUE),
                Boolean.parseBoolean(prop("bench.jfr", "false")),
                Boolean.parseBoolean(prop("bench.allowC1", "false")),
                Path.of(prop("bench.output", "target/bench")).toAbsolutePath(),
                Double.parseDouble(prop("bench.quietCores", "0.25")),
                intProp("bench.quietWaitSeconds", 120, 0, 3600));
        return config;
    }

    int port() {
        return url.getPort() > 0 ? url.getPort() : 80;
    }

    /** The Host header value. */
    String authority() {
        return url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    }

    URI endpoint(String path) {
        String base = url.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path);
    }

    /** Load is only ever sent to this machine: every address the host resolves to must be loopback. */
    static InetAddress loopbackOnly(String host) {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bench.url host does not resolve: " + host, e);
        }
        for (InetAddress address : all) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("bench.url must name a loopback address (127.0.0.1, ::1, localhost); "
                        + host + " resolves to " + address.getHostAddress());
            }
        }
        return all[0];
    }

    static String prop(String name, String fallback) {
        String value = System.getProperty(name);
        // "${...}": a property Maven left unresolved counts as not set.
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value.trim();
    }

    private static int intProp(String name, int fallback, int min, int max) {
        return (int) longProp(name, fallback, min, max);
    }

    private static long longProp(String name, long fallback, long min, long max) {
        long value = Long.parseLong(prop(name, Long.toString(fallback)));
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }
}
