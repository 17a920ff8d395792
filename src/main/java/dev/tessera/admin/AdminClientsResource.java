package dev.tessera.admin;

import dev.tessera.client.ClientJson;
import dev.tessera.client.ClientRegistry;
import dev.tessera.oauth.JsonBodies;
import dev.tessera.oauth.JsonFactories;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * Client administration. Bodies use the RFC 7591 metadata names plus Tessera's settings; answers look
 * like registration responses, and carry {@code client_secret} only when one was just issued.
 */
@Path("/admin/api/clients")
@ApplicationScoped
@AdminApi
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminClientsResource {
    private static final int MAX_PAGE = 200;

    @Inject
    ClientRegistry registry;

    @Inject
    ClientChanges changes;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a client; the answer carries client_secret once")
    public Response create(String body, @Context SecurityContext caller) {
        ClientRegistry.Registered created = changes.create(JsonBodies.object(body, OAuthError.INVALID_CLIENT_METADATA), actor(caller));
        return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store")
                .entity(ClientJson.of(created.client(), created.secret()).build().toString()).build();
    }

    @GET
    @Operation(summary = "List clients, ordered by client_id; search: client_id or client_name starting with it; "
            + "after: only client_ids after this one (the last of the previous page)")
    public String list(@QueryParam("search") String search, @QueryParam("after") String after,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "offset must be >= 0 and limit between 1 and " + MAX_PAGE);
        }
        JsonArrayBuilder clients = JsonFactories.BUILDERS.createArrayBuilder();
        (search == null && after == null ? registry.list(offset, limit) : registry.search(search, after, limit))
                .forEach(c -> clients.add(ClientJson.of(c, null)));
        return JsonFactories.BUILDERS.createObjectBuilder().add("clients", clients).build().toString();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one client")
    public String read(@PathParam("id") String id) {
        return ClientJson.of(changes.existing(id), null).build().toString();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a client's metadata (members left out take their defaults)")
    public String update(@PathParam("id") String id, String body, @Context SecurityContext caller) {
        return changes.update(id, JsonBodies.object(body, OAuthError.INVALID_CLIENT_METADATA), actor(caller)).toString();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a client")
    public Response delete(@PathParam("id") String id, @Context SecurityContext caller) {
        changes.delete(id, actor(caller));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/secret")
    @Operation(summary = "Issue a new secret; the old one stops working at once")
    public Response rotateSecret(@PathParam("id") String id, @Context SecurityContext caller) {
        ClientRegistry.Registered rotated = changes.rotateSecret(id, actor(caller));
        return Response.ok(ClientJson.of(rotated.client(), rotated.secret()).build().toString())
                .header("Cache-Control", "no-store").build();
    }

    private static String actor(SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }
}
