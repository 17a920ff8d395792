package dev.tessera.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One load scenario of the benchmark suite: what each connection does per iteration. Connection i goes
 * to node {@code i % nodes} (the same rule as {@link LoadRun}), so a scenario keeps per-connection state
 * (a session, a refresh token chain) on the node it talks to.
 */
interface Scenario {
    /** Short name in the report, e.g. "client_credentials ES256". */
    String name();

    /** What the iterations are, plural, e.g. "tokens", "sign-ins". */
    String unit();

    /** The step of connection i. */
    IntFunction<LoadRun.Step> steps();

    /** The Host header for connection i. */
    static String authority(List<String> authorities, int connection) {
        return authorities.get(connection % authorities.size());
    }

    byte[] ACCESS_TOKEN = "{\"access_token\":\"".getBytes(StandardCharsets.US_ASCII);

    /** Null when the answer is a 200 starting with the prefix, otherwise what it was. */
    static String expect200(KeepAliveConnection c, byte[] prefix) {
        return c.status() == 200 && c.bodyStartsWith(prefix) ? null : "HTTP " + c.status() + ": " + LoadRun.abbreviate(c.body());
    }
}
