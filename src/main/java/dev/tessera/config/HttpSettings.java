package dev.tessera.config;

/**
 * Limits on what a request may carry.
 *
 * @param maxBodyBytes   the largest request body any endpoint reads; larger ones get 413
 * @param maxHeaderBytes the largest total of request header names and values; larger ones get 431
 */
public record HttpSettings(long maxBodyBytes, long maxHeaderBytes) {
    public HttpSettings {
        if (maxHeaderBytes < 4096) {
            throw new IllegalArgumentException(ConfigKeys.HTTP_MAX_HEADER_BYTES + " must be at least 4096");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException(ConfigKeys.HTTP_MAX_BODY_BYTES + " must be at least 1024");
        }
    }
}
