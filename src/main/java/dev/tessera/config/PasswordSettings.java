package dev.tessera.config;

/**
 * Password policy and the cost of the Argon2id hash (RFC 9106).
 *
 * @param minLength   fewest characters (code points) a new password may have; NIST SP 800-63B §3.1.1.2
 *                    asks for at least 8 when the password is the only factor
 * @param memoryKib   Argon2 memory in KiB; OWASP's Password Storage Cheat Sheet: 19456 (19 MiB)
 * @param iterations  Argon2 passes over the memory; OWASP: 2
 * @param parallelism Argon2 lanes; OWASP: 1
 */
public record PasswordSettings(int minLength, int memoryKib, int iterations, int parallelism) {
    /** Longest accepted password: long enough for any passphrase, short enough to bound the work. */
    public static final int MAX_LENGTH = 256;

    public PasswordSettings {
        if (minLength < 1 || minLength > MAX_LENGTH) {
            throw new IllegalArgumentException(ConfigKeys.PASSWORDS_MIN_LENGTH + " must be between 1 and " + MAX_LENGTH);
        }
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException(ConfigKeys.PASSWORDS_ARGON2_PARALLELISM + " must be between 1 and 64");
        }
        // RFC 9106 §3.1: "Memory size m MUST be an integer number of kibibytes from 8*p to 2^(32)-1".
        if (memoryKib < 8 * parallelism || memoryKib > 4 * 1024 * 1024) {
            throw new IllegalArgumentException(ConfigKeys.PASSWORDS_ARGON2_MEMORY_KIB + " must be between 8 * parallelism and 4194304");
        }
        if (iterations < 1 || iterations > 100) {
            throw new IllegalArgumentException(ConfigKeys.PASSWORDS_ARGON2_ITERATIONS + " must be between 1 and 100");
        }
    }
}
