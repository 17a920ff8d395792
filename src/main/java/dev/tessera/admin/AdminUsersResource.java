package dev.tessera.admin;

import dev.tessera.audit.AuditType;
import dev.tessera.oauth.JsonBodies;
import dev.tessera.oauth.JsonFactories;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.user.User;
import dev.tessera.user.UserAdministration;
import dev.tessera.user.UserFields;
import dev.tessera.user.UserJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Local users for administrators. Bodies use the OpenID Connect Core §5.1 claim names plus
 * {@code username}, {@code enabled}, {@code groups} and, on creation only, {@code password}; answers
 * carry {@code sub} and never the password hash (only whether one is set). See docs/users.md.
 */
@Path("/admin/api/users")
@ApplicationScoped
@AdminApi
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminUsersResource {
    static final String SEARCH = "search";
    private static final int MAX_PAGE = 200;

    @Inject
    UserAdministration users;

    @Inject
    UserChanges userChanges;

    @Inject
    AdminChanges changes;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user; password is optional")
    public Response create(String body, @Context SecurityContext caller) {
        User created = userChanges.create(JsonBodies.object(body, OAuthError.INVALID_REQUEST), caller.getUserPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(json(created))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Operation(summary = "List users by username; search matches username, email and names, in any case")
    public Response list(@QueryParam(SEARCH) String search, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "offset must be >= 0 and limit between 1 and " + MAX_PAGE);
        }
        JsonArrayBuilder found = JsonFactories.BUILDERS.createArrayBuilder();
        users.search(search, offset, limit).forEach(u -> found.add(UserJson.write(u)));
        return noStore(JsonFactories.BUILDERS.createObjectBuilder().add("users", found).build().toString());
    }

    @GET
    @Path("{sub}")
    @Operation(summary = "Read one user")
    public Response read(@PathParam("sub") String sub) {
        return noStore(json(existing(sub)));
    }

    @PUT
    @Path("{sub}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a user's profile (claims left out are removed); enabled changes only when present")
    public Response update(@PathParam("sub") String sub, String body, @Context SecurityContext caller) {
        return noStore(userChanges.update(sub, JsonBodies.object(body, OAuthError.INVALID_REQUEST), caller.getUserPrincipal().getName())
                .toString());
    }

    @DELETE
    @Path("{sub}")
    @Operation(summary = "Delete a user; the subject is never given to anyone else")
    public Response delete(@PathParam("sub") String sub, @Context SecurityContext caller) {
        JsonObject before = users.find(sub).map(u -> UserJson.write(u).build()).orElse(null);
        users.delete(sub);
        changes.changed(AuditType.USER_DELETED, caller, sub, null, before, null);
        return Response.noContent().build();
    }

    @POST
    @Path("{sub}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new password: {\"password\": \"...\"}")
    public Response setPassword(@PathParam("sub") String sub, String body, @Context SecurityContext caller) {
        JsonObject json = JsonBodies.object(body, OAuthError.INVALID_REQUEST);
        if (!(json.get(UserFields.PASSWORD) instanceof JsonString password) || json.size() != 1) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The body must be a JSON object whose only member is password, a string");
        }
        userChanges.setPassword(sub, password.getString(), caller.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    @POST
    @Path("{sub}/disable")
    @Operation(summary = "Disable a user: no more logins, and what was issued to them stops working")
    public Response disable(@PathParam("sub") String sub, @Context SecurityContext caller) {
        return noStore(userChanges.enable(sub, false, caller.getUserPrincipal().getName()).toString());
    }

    @POST
    @Path("{sub}/enable")
    @Operation(summary = "Enable a user again")
    public Response enable(@PathParam("sub") String sub, @Context SecurityContext caller) {
        return noStore(userChanges.enable(sub, true, caller.getUserPrincipal().getName()).toString());
    }

    @POST
    @Path("{sub}/unlock")
    @Operation(summary = "Clear the login throttle of a user (local or directory): every counter of the username")
    public Response unlock(@PathParam("sub") String sub, @Context SecurityContext caller) {
        userChanges.unlock(sub, caller.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    private User existing(String sub) {
        return userChanges.existing(sub);
    }

    private static String json(User user) {
        return UserJson.write(user).build().toString();
    }

    private static Response noStore(String entity) {
        return Response.ok(entity).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
