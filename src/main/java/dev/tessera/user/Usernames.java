package dev.tessera.user;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Usernames are compared case-insensitively: "Alice", "alice" and "ＡＬＩＣＥ" (full-width) are one account.
 * The normalised form (NFKC, then lower case; close to the PRECIS UsernameCaseMapped profile of RFC 8265
 * §3.3) is stored in its own column with a unique index, so the database, not a check-then-insert race
 * between two nodes, guarantees that no two accounts share it.
 */
public final class Usernames {
    /** Longest username, in characters. */
    public static final int MAX_LENGTH = 255;

    private Usernames() {
    }

    public static String normalize(String username) {
        return Normalizer.normalize(username.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** @return why the username is unacceptable, or null when it is fine */
    static String problem(String username) {
        if (username == null || username.isEmpty()) {
            return "username is required";
        }
        if (username.length() > MAX_LENGTH) {
            return "username must be at most " + MAX_LENGTH + " characters";
        }
        if (username.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c))) {
            return "username must not contain spaces or control characters";
        }
        if (normalize(username).length() > MAX_LENGTH) {
            return "username must be at most " + MAX_LENGTH + " characters once normalized";
        }
        return null;
    }
}
