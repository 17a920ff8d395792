package dev.tessera.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The JAX-RS application, at the issuer's root so that protocol endpoints have the paths clients
 * expect ({@code /jwks}, {@code /.well-known/...}). Being mapped to every path also means unknown paths
 * reach Tessera's JSON error mapping instead of the container's HTML page. Pages get a path prefix of
 * their own, which outranks this mapping.
 */
@ApplicationPath("/")
@ApplicationScoped
public class TesseraApplication extends Application {
    /**
     * Jersey's ServletProperties.QUERY_PARAMS_AS_FORM_PARAMS_DISABLED: without it Jersey's servlet layer takes
     * the query parameters of a form POST for form parameters, and warns with the whole URI (a secret in the
     * query included) whenever it does. Every form endpoint reads its body itself; a query is never a form.
     */
    static final String QUERY_PARAMS_AS_FORM_DISABLED = "jersey.config.servlet.form.queryParams.disabled";

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(QUERY_PARAMS_AS_FORM_DISABLED, true);
    }
}
