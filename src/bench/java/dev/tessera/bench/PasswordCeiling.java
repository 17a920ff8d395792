package dev.tessera.bench;

import dev.tessera.config.PasswordSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A server's password hash in {@link PeersBench} and how to measure its raw ceiling on this machine, in verifications
 * per CPU-second, so each server's sign-ins stand beside the ceiling of the hash it really uses: Tessera's Argon2id
 * (measured by {@link SuiteBench#ceilings}), Keycloak's as its admin API reports the stored password (Argon2id with
 * its own parameters in 26.x, measured with the same BouncyCastle generator Keycloak uses), node-oidc-provider's
 * PBKDF2-HMAC-SHA512 of .ci/peers/node-provider.mjs, measured in Node itself (its OpenSSL is faster at PBKDF2 than the
 * JDK, so a JVM figure would not be its ceiling).
 */
record PasswordCeiling(String name, Runner runner) {
    /** Tessera's hash: the suite's own ceiling, already in the map under this name. */
    static final PasswordCeiling TESSERA = new PasswordCeiling("Argon2id verifications", null);

    /** Measures at this many threads (or operations in flight). */
    interface Runner {
        SigningCeiling.Rate rate(int threads, double warmupSeconds, int seconds, SigningCeiling.Quiet quiet)
                throws IOException, InterruptedException;
    }

    static PasswordCeiling argon2(String whose, PasswordSettings s) {
        return new PasswordCeiling(String.format(Locale.ROOT, "Argon2id (%s: m=%d KiB, t=%d, p=%d) verifications", whose,
                s.memoryKib(), s.iterations(), s.parallelism()), (threads, warm, seconds, quiet) -> HashingCeiling.rate(s,
                threads, warm, seconds, quiet));
    }

    /** Keycloak's stored credential ({@code credentialData} of its admin API): Argon2id, or null when it is another hash. */
    static PasswordCeiling keycloak(String credentialData) {
        Map<String, Object> data = AdminApi.json(credentialData);
        if (!"argon2".equals(data.get("algorithm"))) {
            return null;
        }
        Map<?, ?> more = (Map<?, ?>) data.get("additionalParameters");
        return argon2("Keycloak's", new PasswordSettings(8, Integer.parseInt(first(more, "memory")),
                ((Number) data.get("hashIterations")).intValue(), Integer.parseInt(first(more, "parallelism"))));
    }

    private static String first(Map<?, ?> parameters, String name) {
        return String.valueOf(((java.util.List<?>) parameters.get(name)).get(0));
    }

    /** PBKDF2-HMAC-SHA512 in Node's crypto (libuv's thread pool), {@code threads} derivations in flight. */
    static PasswordCeiling node(int iterations) {
        return new PasswordCeiling(String.format(Locale.ROOT, "PBKDF2-SHA512 (node's: %,d it., in Node) verifications",
                iterations), (threads, warm, seconds, quiet) -> nodeRate(iterations, threads, warm, seconds));
    }

    /** Counts the derivations finished between two finishes (after the warm-up, at the end), and Node's CPU between them. */
    private static final String NODE_SCRIPT = """
            const { pbkdf2 } = require('node:crypto');
            const [iterations, inFlight, warm, seconds] = process.argv.slice(1).map(Number);
            const salt = Buffer.alloc(16, 7);
            const start = Date.now() + warm * 1000, end = start + seconds * 1000;
            let ops = 0, cpu = null, t0 = 0n, finished = false;
            function one() {
              pbkdf2('correct horse battery staple', salt, iterations, 64, 'sha512', () => {
                const now = Date.now();
                if (cpu === null) {
                  if (now >= start) { cpu = process.cpuUsage(); t0 = process.hrtime.bigint(); }
                } else if (!finished) {
                  ops++;
                  if (now >= end) {
                    finished = true;
                    const used = process.cpuUsage(cpu), wall = Number(process.hrtime.bigint() - t0) / 1e9;
                    console.log(JSON.stringify({ ops, cpu: (used.user + used.system) / 1e6, wall }));
                  }
                }
                if (!finished) one();
              });
            }
            for (let i = 0; i < inFlight; i++) one();
            """;


    private static SigningCeiling.Rate nodeRate(int iterations, int threads, double warm, int seconds)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", "-e", NODE_SCRIPT, String.valueOf(iterations), String.valueOf(threads),
                String.valueOf(warm), String.valueOf(seconds)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0 || !out.startsWith("{")) {
            throw new IllegalStateException("Node's PBKDF2 ceiling failed: " + out);
        }
        Map<String, Object> r = AdminApi.json(out);
        long ops = ((Number) r.get("ops")).longValue();
        double cpu = ((Number) r.get("cpu")).doubleValue();
        double wall = ((Number) r.get("wall")).doubleValue();
        return new SigningCeiling.Rate(ops / wall, cpu, wall, ops, 0, 0, 0, Double.NaN);
    }
}
