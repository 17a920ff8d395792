package dev.tessera.config;

import java.time.Duration;

/**
 * Limits on requests Tessera makes on a client's behalf (a client's jwks_uri), against server-side
 * request forgery (RFC 9700 §4.5 and the SSRF notes of RFC 7591 §5).
 *
 * @param allowPrivateNetworks allow loopback, link-local and private addresses (off in production)
 * @param allowHttp            allow plain http URLs (off in production)
 * @param timeout              connect and response timeout
 * @param maxBytes             the largest response read
 * @param jwksCacheTtl         how long a fetched JWK Set is reused
 */
public record OutboundSettings(boolean allowPrivateNetworks, boolean allowHttp, Duration timeout, int maxBytes,
        Duration jwksCacheTtl) {
}
