package dev.tessera.admin;

import dev.tessera.audit.AuditType;
import dev.tessera.oauth.JsonFactories;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.session.logout.DeliveryStatus;
import dev.tessera.session.logout.DeliveryStore;
import dev.tessera.session.logout.LogoutDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Back-channel logout deliveries for administrators (issue 19 points 1 and 6): per client, how many were delivered,
 * needed retries, are pending or were given up, with the latest records; or every delivery in one status.
 * Records are kept for {@code tessera.logout.backchannel.retention}.
 */
@Path("/admin/api/logout-deliveries")
@ApplicationScoped
@AdminApi
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminLogoutDeliveriesResource {
    private static final int MAX_PAGE = 200;

    @Inject
    DeliveryStore store;

    @Inject
    AdminChanges changes;

    @GET
    @Operation(summary = "Back-channel logout deliveries: client_id=... for one client's counts and latest records, "
            + "or status=pending|delivered|given_up for every client's")
    public Response list(@QueryParam("client_id") String clientId, @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_PAGE || (clientId == null) == (status == null)) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "Give exactly one of client_id and status, and a limit from 1 to " + MAX_PAGE);
        }
        JsonObjectBuilder json = JsonFactories.BUILDERS.createObjectBuilder();
        List<LogoutDelivery> found;
        if (clientId != null) {
            json.add("client_id", clientId)
                    .add("delivered", store.count(clientId, DeliveryStatus.DELIVERED, false))
                    .add("delivered_after_retry", store.count(clientId, DeliveryStatus.DELIVERED, true))
                    .add("pending", store.count(clientId, DeliveryStatus.PENDING, false))
                    .add("retrying", store.count(clientId, DeliveryStatus.PENDING, true))
                    .add("given_up", store.count(clientId, DeliveryStatus.GIVEN_UP, false));
            found = store.ofClient(clientId, limit);
        } else {
            found = store.inStatus(DeliveryStatus.fromWireName(status).orElseThrow(() -> new OAuthException(
                    OAuthError.INVALID_REQUEST, "status must be pending, delivered or given_up")), limit);
        }
        JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
        found.forEach(d -> list.add(json(d)));
        return Response.ok(json.add("deliveries", list).build().toString()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** Sends a pending or given-up delivery again now; audited {@code admin.logout_delivery.retried}. */
    @POST
    @Path("{id}/retry")
    @Operation(summary = "Try a pending or given-up back-channel logout delivery again now (one more attempt)")
    public Response retry(@PathParam("id") String id, @Context SecurityContext caller) {
        retry(store, changes, id, caller.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    /** The one rule of a retry, for the API and the console: unknown or delivered is 404. */
    public static void retry(DeliveryStore store, AdminChanges changes, String id, String actor) {
        if (!store.retry(id)) {
            throw new OAuthException(OAuthError.NOT_FOUND, "No pending or given-up delivery " + id);
        }
        changes.record(AuditType.LOGOUT_DELIVERY_RETRIED, actor, null, null, Map.of("id", id));
    }

    private static JsonObjectBuilder json(LogoutDelivery d) {
        JsonObjectBuilder json = JsonFactories.BUILDERS.createObjectBuilder()
                .add("id", d.id())
                .add("client_id", d.clientId())
                .add("sub", d.subject())
                .add("reason", d.reason())
                .add("status", d.status())
                .add("attempts", d.attempts())
                .add("created_at", d.createdAt().getEpochSecond())
                .add("updated_at", d.updatedAt().getEpochSecond());
        if (d.sid() != null) {
            json.add("sid", d.sid());
        }
        if (d.lastError() != null) {
            json.add("last_error", d.lastError());
        }
        if (DeliveryStatus.PENDING.wireName().equals(d.status())) {
            json.add("next_attempt_at", d.nextAttemptAt().getEpochSecond());
        }
        return json;
    }
}
