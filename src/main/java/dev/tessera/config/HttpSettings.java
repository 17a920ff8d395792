package dev.tessera.config;

import java.util.List;

/**
 * What a request may carry, and whom Tessera believes about where it came from.
 *
 * @param maxBodyBytes      the largest request body any endpoint reads; larger ones get 413
 * @param maxHeaderBytes    the largest total of request header names and values; larger ones get 431
 * @param trustedProxies    the CIDR blocks of the proxies whose forwarded headers are believed; empty: none
 * @param clientCertHeader  the header a trusted TLS-terminating proxy passes the client certificate in
 */
public record HttpSettings(long maxBodyBytes, long maxHeaderBytes, List<String> trustedProxies, String clientCertHeader) {
    public HttpSettings {
        if (maxHeaderBytes < 4096) {
            throw new IllegalArgumentException(ConfigKeys.HTTP_MAX_HEADER_BYTES + " must be at least 4096");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException(ConfigKeys.HTTP_MAX_BODY_BYTES + " must be at least 1024");
        }
        trustedProxies = List.copyOf(trustedProxies);
    }
}
