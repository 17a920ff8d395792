package dev.tessera.device;

import dev.tessera.oauth.Secrets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * User codes: what a person reads off a screen and types on a phone. RFC 8628 §6.1 recommends
 * "base-20" letters without vowels, so no word (offensive or otherwise) can form and nothing looks like
 * a digit; 8 of them carry about 34.6 bits (§5.1: "the entropy of the user code"). They are shown as
 * {@code XXXX-XXXX} and compared after removing dashes and spaces and folding case (§6.1: "the
 * authorization server should be case-insensitive" and "should ignore any characters like punctuation").
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
     * What a person typed, in the form codes are compared and hashed in: upper case, without dashes and
     * white space. Empty when it cannot be a code at all (wrong length, a letter outside the alphabet).
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 32) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
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
