package dev.tessera.admin;

import dev.tessera.consent.Consent;
import dev.tessera.consent.ConsentService;
import dev.tessera.oauth.JsonFactories;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A user's remembered consents for administrators (issue 19 point 6): list them, revoke one. */
@Path("/admin/api/users/{sub}/consents")
@ApplicationScoped
@AdminApi
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminConsentsResource {

    @Inject
    ConsentService consents;

    @Inject
    ConsentRevocations revocations;

    @GET
    @Operation(summary = "List a user's remembered consents: client, scopes, when granted")
    public Response list(@PathParam("sub") String sub) {
        JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
        for (Consent c : consents.of(sub)) {
            JsonArrayBuilder scopes = JsonFactories.BUILDERS.createArrayBuilder();
            c.scopes().forEach(scopes::add);
            list.add(JsonFactories.BUILDERS.createObjectBuilder().add("client_id", c.clientId()).add("scopes", scopes)
                    .add("granted_at", c.grantedAt().getEpochSecond()));
        }
        return Response.ok(JsonFactories.BUILDERS.createObjectBuilder().add("consents", list).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @DELETE
    @Path("{client_id}")
    @Operation(summary = "Revoke a user's consent for a client: the consent, the refresh tokens (offline ones too) and their "
            + "access tokens go, and the client gets a back-channel logout for the user")
    public Response revoke(@PathParam("sub") String sub, @PathParam("client_id") String clientId, @Context SecurityContext caller) {
        if (!revocations.revoke(sub, clientId, caller.getUserPrincipal().getName())) {
            throw new OAuthException(OAuthError.NOT_FOUND, "User " + sub + " has no consent for client " + clientId);
        }
        return Response.noContent().build();
    }
}
