package dev.tessera.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** Proof Key for Code Exchange (RFC 7636). */
public final class Pkce {
    public static final String S256 = "S256";
    public static final String PLAIN = "plain";
    /** RFC 7636 §4.1: code-verifier = 43*128unreserved; the same form bounds the challenge (§4.2). */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    private Pkce() {
    }

    public static boolean wellFormed(String value) {
        return value != null && VERIFIER.matcher(value).matches();
    }

    /** RFC 7636 §4.6: compares the transformed verifier with the stored challenge, in constant time. */
    public static boolean matches(String verifier, String challenge, String method) {
        if (!wellFormed(verifier)) {
            return false;
        }
        String derived = PLAIN.equals(method) ? verifier : s256(verifier);
        return Secrets.constantTimeEquals(derived, challenge);
    }

    /** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))), the S256 challenge of a verifier. */
    public static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
