package dev.tessera.keys;

import dev.tessera.config.KeySettings;
import dev.tessera.oauth.Endpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The JWK Set (RFC 7517 §5) of every published key: public parts only. The max-age is shorter than
 * the pre-publication window, so a verifier that honours it has fetched a new key before it signs.
 */
@Path(Endpoints.JWKS)
@ApplicationScoped
@Tag(name = "keys")
public class JwksResource {

    @Inject
    KeyRing ring;

    @Inject
    KeySettings settings;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public signing keys (RFC 7517 JWK Set)")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge((int) settings.jwksMaxAge().toSeconds());
        return Response.ok(ring.publishedJwks()).cacheControl(cache).build();
    }
}
