package dev.tessera.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application, at the issuer's root so that protocol endpoints have the paths clients
 * expect ({@code /jwks}, {@code /.well-known/...}). Being mapped to every path also means unknown paths
 * reach Tessera's JSON error mapping instead of the container's HTML page. Pages get a path prefix of
 * their own, which outranks this mapping.
 */
@ApplicationPath("/")
@ApplicationScoped
public class TesseraApplication extends Application {
}
