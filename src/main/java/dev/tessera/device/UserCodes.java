package dev.tessera.device;

import dev.tessera.oauth.Secrets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * User codes: what a person reads off a screen and types on a phone. RFC 8628 §6.1 recommends case-
 * insensitive letters without digits and without vowels, "to avoid randomly creating words": "the base
 * 20 character set". 8 of them carry about 34.6 bits, little enough that guessing must be throttled
 * (§5.1). They are shown as {@code XXXX-XXXX}; on input, §6.1: "The server should ignore any characters
 * like punctuation that are not in the user-code character set" and "the comparison should be case
 * insensitive". Letters and digits outside the set are not ignored: they make the input no code.
 */
public final class UserCodes {
    /** RFC 8628 §6.1: "BCDFGHJKLMNPQRSTVWXZ". */
    public static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    public static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private UserCodes() {
    }

    /** A new code in display form, from the CSPRNG. */
    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return display(code.toString());
    }

    /** {@code BCDFGHJK} as {@code BCDF-GHJK}. */
    public static String display(String normalized) {
        return normalized.substring(0, LENGTH / 2) + "-" + normalized.substring(LENGTH / 2);
    }

    /**
     * What a person typed, in the form codes are compared and hashed in: upper case, without punctuation
     * and white space. Empty when it cannot be a code at all (wrong length, a letter or digit outside the
     * alphabet).
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 32) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** The stored form: SHA-256 of the normalized code, so a leaked table shows no live codes in clear. */
    public static String hash(String normalized) {
        return Secrets.sha256Hex("user_code:" + normalized);
    }
}
