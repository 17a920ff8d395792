package dev.tessera.mfa;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords computed by {@code java-otp} (a tested implementation of the HMAC and the
 * RFC 4226 dynamic truncation): this class only names time steps ({@code T = floor(unix time / 30)}). {@link #matchingStep} accepts the step before and after
 * the current one (§5.2, "at most one time step" of network delay and clock drift) and says which step matched,
 * so the caller can refuse that step and every earlier one from then on (the replay rule of §5.2).
 */
public final class Totp {
    /** RFC 6238 §4.1 X, the default every authenticator app uses. */
    public static final Duration STEP = Duration.ofSeconds(30);
    /** The steps accepted on either side of the current one. */
    public static final int WINDOW = 1;
    public static final int DIGITS = 6;
    public static final String SHA1 = "HmacSHA1";

    private final TimeBasedOneTimePasswordGenerator generator;
    private final String algorithm;
    private final int digits;

    public Totp() {
        this(DIGITS, SHA1);
    }

    /** Other lengths and hashes exist for the RFC 6238 Appendix B vectors; enrolment uses the default. */
    public Totp(int digits, String algorithm) {
        this.generator = new TimeBasedOneTimePasswordGenerator(STEP, digits, algorithm);
        this.digits = digits;
        this.algorithm = algorithm;
    }

    public static long stepAt(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP.toSeconds());
    }

    /** The code of one time step, with leading zeros. */
    public String code(byte[] secret, long step) {
        try {
            int value = generator.generateOneTimePassword(new SecretKeySpec(secret, algorithm), Instant.ofEpochSecond(step * STEP.toSeconds()));
            return String.format("%0" + digits + "d", value);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("unusable TOTP secret", e);
        }
    }

    /** The step within the window around {@code now} whose code this is; empty when none is (or it is malformed). */
    public OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        String given = code == null ? "" : code.replace(" ", "");
        if (given.length() != digits || !given.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }
}
