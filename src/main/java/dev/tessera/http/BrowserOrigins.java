package dev.tessera.http;

/**
 * The web origins browser-based clients may call the client endpoints from ({@link Cors}). The
 * client registry decides (its redirect URIs' origins); the HTTP edge only asks, so it depends on no
 * capability above it.
 */
public interface BrowserOrigins {
    boolean isRegistered(String origin);
}
