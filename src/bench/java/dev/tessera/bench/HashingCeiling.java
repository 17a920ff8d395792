package dev.tessera.bench;

import dev.tessera.config.PasswordSettings;
import dev.tessera.user.PasswordHasher;

/**
 * The most Argon2id password verifications per second this machine can do, with the server's own
 * hasher ({@link PasswordHasher}, BouncyCastle) and parameters: what bounds the sign-ins per second of
 * the authorization code flow, where each login verifies one password.
 */
final class HashingCeiling {
    private static volatile boolean sink;

    private HashingCeiling() {
    }

    /** The parameters, "memoryKib,iterations,parallelism" (the server's defaults: tessera.passwords.argon2.*). */
    static PasswordSettings settings(String spec) {
        String[] p = spec.split(",");
        return new PasswordSettings(8, Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()), Integer.parseInt(p[2].trim()));
    }

    static SigningCeiling.Rate rate(PasswordSettings settings, int threads, double warmupSeconds, int seconds,
            SigningCeiling.Quiet quiet) {
        PasswordHasher hasher = new PasswordHasher(settings);
        String password = "correct horse battery staple";
        String hash = hasher.hash(password);
        return SigningCeiling.run(threads, warmupSeconds, seconds, quiet, () -> () -> sink ^= hasher.verify(password, hash));
    }
}
