package dev.tessera.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random credentials and their stored form. Everything Tessera hands out (secrets, opaque tokens,
 * codes) comes from one CSPRNG (RFC 6749 §10.10: at least 128 bits, here 256 unless stated), and is
 * stored as SHA-256. A slow password hash adds nothing for 256-bit random values, and would cost
 * milliseconds on every token request.
 */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private Secrets() {
    }

    /** {@code bytes} random bytes, base64url without padding. */
    public static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** The provider behind the random numbers: operators check that it is the one they installed. */
    public static String randomProvider() {
        return RANDOM.getProvider().getName() + " " + RANDOM.getAlgorithm();
    }

    /** Lower-case hex SHA-256 of the UTF-8 value: the stored form of a credential. */
    public static String sha256Hex(String value) {
        return HexFormat.of().formatHex(SHA256.get().digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares in time independent of where the values differ. */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
