package dev.tessera.config;

import java.time.Duration;

/**
 * Server-wide token defaults; a client's own settings take precedence.
 *
 * @param accessTokenLifetime     lifetime of access tokens
 * @param accessTokenAlgorithm    JWS algorithm of JWT access tokens
 * @param assertionMaxLifetime    the furthest in the future a client assertion's exp may be (RFC 7523 §3)
 * @param clockSkew               tolerance for exp, nbf and iat of incoming JWTs
 */
public record TokenSettings(Duration accessTokenLifetime, String accessTokenAlgorithm,
        Duration assertionMaxLifetime, Duration clockSkew) {
}
