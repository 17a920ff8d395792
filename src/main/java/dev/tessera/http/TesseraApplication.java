package dev.tessera.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The JAX-RS application, at the issuer's root so that protocol endpoints have the paths clients
 * expect ({@code /jwks}, {@code /.well-known/...}). Being mapped to every path also means unknown paths
 * reach Tessera's JSON error mapping instead of the container's HTML page. Pages get a path prefix of
 * their own, which outranks this mapping.
 *
 * <p>{@code @LoginConfig} switches MicroProfile JWT on; {@code AdminApiAuthenticationMechanism} confines
 * it to the admin API.
 */
@LoginConfig(authMethod = "MP-JWT", realmName = "tessera-admin")
@ApplicationPath("/")
@ApplicationScoped
public class TesseraApplication extends Application {
}
