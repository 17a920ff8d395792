package dev.tessera.mfa;

import java.util.List;

/**
 * One kind of second factor (one CDI bean each): what a person has enrolled of it, checking what they present,
 * removing it. The second-step page and the policy know factors only through this interface and
 * {@link SecondFactors}, so WebAuthn will be one more bean: its {@link #verify} takes the assertion the browser's
 * ceremony produced, its {@link #amr} is {@code hwk} or {@code swk}, and its {@link #reaches} the
 * phishing-resistant level.
 */
public interface SecondFactor {

    /** The wire name administrators see: {@code totp}, {@code recovery_code}, later {@code webauthn}. */
    String type();

    /** RFC 8176 methods a successful check adds to the session's {@code amr}. */
    List<String> amr();

    /**
     * Whether enrolling this factor gives the person a second factor (TOTP, WebAuthn). Recovery codes do not:
     * they stand in for a lost one.
     */
    boolean primary();

    /** Whether this input can be meant for this factor (a six-digit code, a recovery code's shape). */
    boolean accepts(String input);

    /** The person's confirmed credentials of this kind. */
    List<EnrolledFactor> enrolled(String subject);

    /** Checks the input and consumes what must be used once; true when it proved the factor. */
    boolean verify(String subject, String input);

    /** Removes one credential (or, with null, all of this kind); how many were removed. */
    int remove(String subject, String id);
}
