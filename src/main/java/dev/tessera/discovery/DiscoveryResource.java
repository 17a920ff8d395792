package dev.tessera.discovery;

import dev.tessera.config.Issuer;
import dev.tessera.oauth.Endpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Serves one metadata document under both well-known names: OpenID Connect Discovery 1.0 §4 and
 * RFC 8414 §3. It is assembled once from the {@link MetadataContributor}s, since what is enabled does
 * not change while the application runs, and every URL in it derives from the configured issuer.
 */
@Path(Endpoints.WELL_KNOWN)
@ApplicationScoped
@Tag(name = "discovery")
public class DiscoveryResource {

    @Inject
    Issuer issuer;

    @Inject
    Instance<MetadataContributor> contributors;

    private volatile String document;

    @GET
    @Path(Endpoints.OPENID_CONFIGURATION_NAME)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OpenID Connect Discovery metadata")
    public Response openidConfiguration() {
        return answer();
    }

    @GET
    @Path(Endpoints.OAUTH_AUTHORIZATION_SERVER_NAME)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "RFC 8414 authorization server metadata")
    public Response oauthAuthorizationServer() {
        return answer();
    }

    private Response answer() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(document()).cacheControl(cache).build();
    }

    String document() {
        String built = document;
        if (built == null) {
            built = build(issuer, contributors.stream().toList()).toJson().toString();
            document = built;
        }
        return built;
    }

    static ProviderMetadata build(Issuer issuer, List<MetadataContributor> contributors) {
        ProviderMetadata metadata = new ProviderMetadata()
                // RFC 8414 §3.3: the issuer "MUST be identical to the issuer identifier value" used to build the URL.
                .set(MetadataNames.ISSUER, issuer.url())
                // Tessera gives every client the same subject for a user; pairwise subjects are not offered.
                .add(MetadataNames.SUBJECT_TYPES_SUPPORTED, List.of("public"));
        contributors.forEach(c -> c.contribute(metadata));
        return metadata;
    }
}
