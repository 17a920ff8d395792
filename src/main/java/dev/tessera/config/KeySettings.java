package dev.tessera.config;

import java.time.Duration;
import java.util.List;

/**
 * How signing keys are made and rotated.
 *
 * @param algorithms      JWS algorithms that get a key of their own, in preference order
 * @param rsaSize         modulus length of new RSA keys
 * @param rotationPeriod  how long a key signs before its successor takes over
 * @param prePublication  how long a successor is published in the JWKS before it signs anything, so
 *                        relying parties with a cached JWKS already know it
 * @param retention       how long a retired key stays published: at least the lifetime of anything
 *                        it signed
 * @param checkInterval   how often each node reloads keys and runs the rotation check
 * @param jwksMaxAge      the JWKS Cache-Control max-age; shorter than prePublication
 */
public record KeySettings(List<String> algorithms, int rsaSize, Duration rotationPeriod,
        Duration prePublication, Duration retention, Duration checkInterval, Duration jwksMaxAge) {

    public KeySettings {
        algorithms = List.copyOf(algorithms);
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException(ConfigKeys.KEYS_ALGORITHMS + " names no algorithm");
        }
        // OpenID Connect Core §15.1: OPs MUST support RS256; it is also the RFC 9701 default.
        if (!algorithms.contains("RS256")) {
            throw new IllegalArgumentException(ConfigKeys.KEYS_ALGORITHMS + " must include RS256");
        }
        if (rsaSize < 2048) {
            throw new IllegalArgumentException(ConfigKeys.KEYS_RSA_SIZE + " must be at least 2048");
        }
        if (prePublication.compareTo(rotationPeriod) >= 0) {
            throw new IllegalArgumentException(
                    ConfigKeys.KEYS_PRE_PUBLICATION + " must be shorter than " + ConfigKeys.KEYS_ROTATION_PERIOD);
        }
        // A verifier that cached the JWKS for max-age must have seen the next key before it signs.
        if (jwksMaxAge.compareTo(prePublication) >= 0) {
            throw new IllegalArgumentException(
                    ConfigKeys.KEYS_JWKS_MAX_AGE + " must be shorter than " + ConfigKeys.KEYS_PRE_PUBLICATION);
        }
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException(ConfigKeys.KEYS_CHECK_INTERVAL + " must be positive");
        }
    }
}
