package dev.tessera.admin;

import dev.tessera.oauth.JsonBodies;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.trust.TrustedIssuer;
import dev.tessera.trust.TrustedIssuerJson;
import dev.tessera.trust.TrustedIssuers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Issuers whose JWT assertions the JWT bearer grant accepts (RFC 7523 §2.1). A body names the issuer,
 * its keys, algorithms, allowed subjects, clients and audiences, and the subject mapping; see docs/grants.md.
 */
@Path("/admin/api/trusted-issuers")
@ApplicationScoped
@AdminApi
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminTrustedIssuersResource {
    private static final int MAX_PAGE = 200;

    @Inject
    TrustedIssuers issuers;

    @Inject
    TrustedIssuerChanges trustedChanges;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Trust an issuer of JWT bearer assertions")
    public Response create(String body, @Context SecurityContext caller) {
        TrustedIssuer created = trustedChanges.create(JsonBodies.object(body, OAuthError.INVALID_REQUEST), caller.getUserPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(json(created)).build();
    }

    @GET
    @Operation(summary = "List trusted issuers, ordered by id")
    public String list(@QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "offset must be >= 0 and limit between 1 and " + MAX_PAGE);
        }
        JsonArrayBuilder found = Json.createArrayBuilder();
        issuers.list(offset, limit).forEach(t -> found.add(TrustedIssuerJson.of(t)));
        return Json.createObjectBuilder().add("trusted_issuers", found).build().toString();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one trusted issuer")
    public String read(@PathParam("id") String id) {
        return json(existing(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a trusted issuer's settings (members left out take their defaults)")
    public String update(@PathParam("id") String id, String body, @Context SecurityContext caller) {
        return json(trustedChanges.update(id, JsonBodies.object(body, OAuthError.INVALID_REQUEST), caller.getUserPrincipal().getName()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Stop trusting an issuer; its assertions are refused at once")
    public Response delete(@PathParam("id") String id, @Context SecurityContext caller) {
        trustedChanges.delete(id, caller.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    private TrustedIssuer existing(String id) {
        return trustedChanges.existing(id);
    }

    private static String json(TrustedIssuer issuer) {
        return TrustedIssuerJson.of(issuer).build().toString();
    }
}
