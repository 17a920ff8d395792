package dev.tessera.user;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format, {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, with
 * salt and hash in unpadded standard base64. The parameters travel with every hash, so the cost can be
 * raised later without losing the ability to check older hashes.
 *
 * @param memoryKib   m, in KiB
 * @param iterations  t
 * @param parallelism p
 */
record Argon2Phc(int version, int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
    static final String ALGORITHM = "argon2id";
    /** RFC 9106 §3.1: "version number v MUST be one byte 0x13" (19). */
    static final int VERSION = 0x13;

    private static final Pattern FORMAT = Pattern.compile(
            "\\$" + ALGORITHM + "\\$v=(\\d{1,3})\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{16,88})");
    private static final int MIN_SALT_BYTES = 8;
    private static final int MIN_HASH_BYTES = 16;
    private static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    private static final int MAX_ITERATIONS = 100;
    private static final int MAX_PARALLELISM = 64;

    Argon2Phc withHash(byte[] value) {
        return new Argon2Phc(version, memoryKib, iterations, parallelism, salt, value);
    }

    String format() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$" + ALGORITHM + "$v=" + version + "$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * @return empty for anything that is not a well-formed Argon2id version 19 hash with sane parameters
     *         (other algorithms, truncated strings, a memory size no server could afford)
     */
    static Optional<Argon2Phc> parse(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(encoded);
        if (!m.matches()) {
            return Optional.empty();
        }
        int version = Integer.parseInt(m.group(1));
        int memory = Integer.parseInt(m.group(2));
        int iterations = Integer.parseInt(m.group(3));
        int parallelism = Integer.parseInt(m.group(4));
        boolean sane = version == VERSION && parallelism >= 1 && parallelism <= MAX_PARALLELISM
                // RFC 9106 §3.1: memory "from 8*p to 2^(32)-1" KiB; t "from 1 to 2^(32)-1".
                && memory >= 8 * parallelism && memory <= MAX_MEMORY_KIB && iterations >= 1 && iterations <= MAX_ITERATIONS;
        if (!sane) {
            return Optional.empty();
        }
        try {
            byte[] salt = Base64.getDecoder().decode(m.group(5));
            byte[] hash = Base64.getDecoder().decode(m.group(6));
            if (salt.length < MIN_SALT_BYTES || hash.length < MIN_HASH_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new Argon2Phc(version, memory, iterations, parallelism, salt, hash));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
