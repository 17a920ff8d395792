package dev.tessera.admin;

import dev.tessera.oauth.ErrorBody;
import dev.tessera.oauth.JsonBodies;
import dev.tessera.oauth.JsonFactories;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.registration.InitialAccessTokenRequest;
import dev.tessera.registration.InitialAccessTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Initial access tokens for dynamic client registration (RFC 7591 §3). The token is in the answer to
 * its creation and nowhere else: only its hash is stored. The id in the answer revokes it.
 */
@Path("/admin/api/initial-access-tokens")
@ApplicationScoped
@AdminApi
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminInitialAccessTokensResource {

    @Inject
    InitialAccessTokens tokens;

    @Inject
    InitialAccessTokenChanges tokenChanges;

    static final int MAX_PAGE = 200;

    @POST
    @Operation(summary = "Issue an initial access token; optional body {\"expires_in\": seconds, \"uses\": n}")
    public Response issue(String body, @Context SecurityContext caller) {
        JsonObject json = body == null || body.isBlank() ? JsonValue.EMPTY_JSON_OBJECT
                : JsonBodies.object(body, OAuthError.INVALID_REQUEST);
        InitialAccessTokens.Issued issued = tokenChanges.issue(json, caller.getUserPrincipal().getName());
        String answer = JsonFactories.BUILDERS.createObjectBuilder()
                .add("id", issued.id())
                .add("initial_access_token", issued.token())
                .add("expires_at", issued.expiresAt().getEpochSecond())
                .add(InitialAccessTokenRequest.USES, issued.uses())
                .build().toString();
        return Response.status(Response.Status.CREATED).entity(answer)
                .header(HttpHeaders.CACHE_CONTROL, ErrorBody.NO_STORE).header("Pragma", "no-cache").build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an initial access token")
    public Response revoke(@PathParam("id") String id, @Context SecurityContext caller) {
        tokenChanges.revoke(id, caller.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    @GET
    @Operation(summary = "List initial access tokens, newest first: id, created_at, expires_at, remaining_uses (never the token)")
    public Response list(@QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "offset must be >= 0 and limit between 1 and " + MAX_PAGE);
        }
        JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
        tokens.list(offset, limit).forEach(t -> list.add(JsonFactories.BUILDERS.createObjectBuilder().add("id", t.id())
                .add("created_at", t.createdAt().getEpochSecond()).add("expires_at", t.expiresAt().getEpochSecond())
                .add("remaining_uses", t.remainingUses())));
        return Response.ok(JsonFactories.BUILDERS.createObjectBuilder().add("initial_access_tokens", list).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
