package dev.tessera.admin;

import dev.tessera.mfa.EnrolledFactor;
import dev.tessera.mfa.Enrolments;
import dev.tessera.mfa.RecoveryCodes;
import dev.tessera.mfa.SecondFactors;
import dev.tessera.oauth.JsonFactories;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.user.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

/**
 * A user's second factors for administrators (issue 20 point 6): list them, remove one or all (a lost phone), and
 * require the person to sign in with a second factor, enrolling one at their next sign-in. Every change is audited
 * ({@code mfa.removed}, {@code admin.user.mfa_required}) with the administrator as the actor.
 */
@Path("/admin/api/users/{sub}/factors")
@ApplicationScoped
@AdminApi
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminFactorsResource {
    static final String REQUIRED = "required";

    @Inject
    SecondFactors factors;

    @Inject
    Enrolments enrolments;

    @Inject
    UserDirectory users;

    @GET
    @Operation(summary = "List a user's second factors (type, id, created_at, last_used_at; recovery codes with how many "
            + "remain) and whether an administrator requires a second factor")
    public Response list(@PathParam("sub") String sub) {
        requireUser(sub);
        JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
        for (EnrolledFactor f : factors.enrolled(sub)) {
            list.add(json(f));
        }
        return Response.ok(JsonFactories.BUILDERS.createObjectBuilder().add("factors", list)
                .add("mfa_required", enrolments.required(sub)).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @DELETE
    @Operation(summary = "Remove every second factor of a user (and the recovery codes)")
    public Response removeAll(@PathParam("sub") String sub, @Context SecurityContext caller) {
        requireUser(sub);
        factors.remove(sub, null, null, caller.getUserPrincipal().getName(), null);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove one second factor of a user by its id (recovery_code: the recovery codes); removing "
            + "the last one also removes the recovery codes")
    public Response removeOne(@PathParam("sub") String sub, @PathParam("id") String id, @Context SecurityContext caller) {
        if (factors.remove(sub, null, id, caller.getUserPrincipal().getName(), null) == 0) {
            throw new OAuthException(OAuthError.NOT_FOUND, "No factor " + id + " of user " + sub);
        }
        return Response.noContent().build();
    }

    @PUT
    @Path(REQUIRED)
    @Operation(summary = "Require the user to sign in with a second factor; one without a factor enrols one at the next sign-in")
    public Response require(@PathParam("sub") String sub, @Context SecurityContext caller) {
        requireUser(sub);
        enrolments.require(sub, true, caller.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    @DELETE
    @Path(REQUIRED)
    @Operation(summary = "No longer require a second factor of this user beyond what clients and the server ask")
    public Response release(@PathParam("sub") String sub, @Context SecurityContext caller) {
        requireUser(sub);
        enrolments.require(sub, false, caller.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    private void requireUser(String sub) {
        if (users.findBySubject(sub).isEmpty()) {
            throw new OAuthException(OAuthError.NOT_FOUND, "No user " + sub);
        }
    }

    private static JsonObjectBuilder json(EnrolledFactor f) {
        JsonObjectBuilder json = JsonFactories.BUILDERS.createObjectBuilder().add("id", f.id()).add("type", f.type())
                .add("created_at", f.createdAt().getEpochSecond());
        if (f.lastUsedAt() != null) {
            json.add("last_used_at", f.lastUsedAt().getEpochSecond());
        }
        if (f.type().equals(RecoveryCodes.TYPE)) {
            json.add("remaining", f.remaining());
        }
        return json;
    }
}
