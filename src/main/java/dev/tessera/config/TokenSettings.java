package dev.tessera.config;

import java.time.Duration;

/**
 * Server-wide token defaults; a client's own settings take precedence.
 *
 * @param accessTokenLifetime     lifetime of access tokens
 * @param accessTokenAlgorithm    JWS algorithm of JWT access tokens
 * @param assertionMaxLifetime    the furthest in the future a client assertion's exp may be (RFC 7523 §3)
 * @param clockSkew               tolerance for exp, nbf and iat of incoming JWTs
 * @param idTokenLifetime         lifetime of ID tokens
 * @param refreshTokenLifetime    absolute lifetime of a refresh token family when the client sets none
 * @param refreshTokenIdle        a refresh token unused this long expires, when the client sets none
 * @param refreshTokenReuseInterval how long a rotated refresh token may be presented again for a fresh successor,
 *                                when the client sets none (zero: never; docs/security.md)
 * @param offlineLifetime         absolute lifetime when offline_access was granted
 */
public record TokenSettings(Duration accessTokenLifetime, String accessTokenAlgorithm,
        Duration assertionMaxLifetime, Duration clockSkew, Duration idTokenLifetime, Duration refreshTokenLifetime,
        Duration refreshTokenIdle, Duration refreshTokenReuseInterval, Duration offlineLifetime) {
}
