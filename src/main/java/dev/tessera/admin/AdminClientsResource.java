package dev.tessera.admin;

import dev.tessera.audit.AuditDiff;
import dev.tessera.audit.AuditType;
import dev.tessera.client.Client;
import dev.tessera.client.ClientFields;
import dev.tessera.client.ClientJson;
import dev.tessera.client.ClientMetadata;
import dev.tessera.client.ClientRegistry;
import dev.tessera.oauth.JsonBodies;
import dev.tessera.oauth.JsonFactories;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import java.util.Map;
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
    AdminChanges changes;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a client; the answer carries client_secret once")
    public Response create(String body, @Context SecurityContext caller) {
        JsonObject json = JsonBodies.object(body, OAuthError.INVALID_CLIENT_METADATA);
        String requestedId = json.containsKey(ClientFields.CLIENT_ID) ? json.getString(ClientFields.CLIENT_ID, null) : null;
        ClientRegistry.Registered created = registry.create(ClientMetadata.fromJson(json), requestedId);
        changes.changed(AuditType.CLIENT_CREATED, caller, null, created.client().clientId(), null,
                ClientJson.of(created.client(), null).build());
        return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store")
                .entity(ClientJson.of(created.client(), created.secret()).build().toString()).build();
    }

    @GET
    @Operation(summary = "List clients, ordered by client_id")
    public String list(@QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "offset must be >= 0 and limit between 1 and " + MAX_PAGE);
        }
        JsonArrayBuilder clients = JsonFactories.BUILDERS.createArrayBuilder();
        registry.list(offset, limit).forEach(c -> clients.add(ClientJson.of(c, null)));
        return JsonFactories.BUILDERS.createObjectBuilder().add("clients", clients).build().toString();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one client")
    public String read(@PathParam("id") String id) {
        return ClientJson.of(existing(id), null).build().toString();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a client's metadata (members left out take their defaults)")
    public String update(@PathParam("id") String id, String body, @Context SecurityContext caller) {
        JsonObject json = JsonBodies.object(body, OAuthError.INVALID_CLIENT_METADATA);
        JsonObject before = ClientJson.of(existing(id), null).build();
        JsonObject after = ClientJson.of(registry.update(id, ClientMetadata.fromJson(json)), null).build();
        changes.changed(AuditType.CLIENT_UPDATED, caller, null, id, before, after);
        return after.toString();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a client")
    public Response delete(@PathParam("id") String id, @Context SecurityContext caller) {
        JsonObject before = ClientJson.of(existing(id), null).build();
        registry.delete(id);
        changes.changed(AuditType.CLIENT_DELETED, caller, null, id, before, null);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/secret")
    @Operation(summary = "Issue a new secret; the old one stops working at once")
    public Response rotateSecret(@PathParam("id") String id, @Context SecurityContext caller) {
        ClientRegistry.Registered rotated = registry.rotateSecret(id);
        changes.record(AuditType.CLIENT_SECRET_ROTATED, caller, null, id, Map.of(AuditDiff.AFTER + "client_secret", AuditDiff.MASK));
        return Response.ok(ClientJson.of(rotated.client(), rotated.secret()).build().toString())
                .header("Cache-Control", "no-store").build();
    }

    private Client existing(String id) {
        return registry.find(id).orElseThrow(() -> new OAuthException(OAuthError.NOT_FOUND, "No client " + id));
    }
}
