package dev.tessera.admin;

import dev.tessera.config.UserStoreSettings;
import dev.tessera.oauth.JsonBodies;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.user.ldap.LdapDiagnostics;
import dev.tessera.user.ldap.LdapUserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The directory for operators (docs/ldap.md, "Diagnosing"): the LDAP configuration in force with its secrets masked,
 * each server's answer and latency, a user looked up and a sign-in tried step by step, each with the exact filter
 * sent. The console's directory page calls the same {@link LdapDiagnostics}. The password of a test is in the body,
 * used for one bind, never logged nor returned.
 */
@Path("/admin/api/directory")
@ApplicationScoped
@AdminApi
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminDirectoryResource {
    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    @Inject
    UserStoreSettings stores;

    @Inject
    LdapDiagnostics diagnostics;

    @GET
    @Operation(summary = "The LDAP configuration in force (secrets masked) and each server's state and latency")
    public Response describe() {
        requireLdap(stores);
        JsonObjectBuilder config = Json.createObjectBuilder();
        diagnostics.configuration().forEach(config::add);
        JsonArrayBuilder servers = Json.createArrayBuilder();
        diagnostics.servers().forEach(s -> servers.add(Json.createObjectBuilder().add("url", s.url()).add("up", s.up())
                .add("latency_ms", s.millis()).add("problem", s.problem())));
        return noStore(Json.createObjectBuilder().add("configuration", config).add("servers", servers).build().toString());
    }

    @GET
    @Path("lookup")
    @Operation(summary = "Find a login name's entry and groups as the login does, with the exact filter sent (no bind)")
    public Response lookUp(@QueryParam(USERNAME) String username) {
        requireLdap(stores);
        return noStore(json(run(() -> diagnostics.lookUp(username))));
    }

    @POST
    @Path("sign-in-test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Try a sign-in step by step ({\"username\",\"password\"}): the filter sent, the DN found, the bind's "
            + "result, the groups; nobody is signed in and the password is neither kept nor returned")
    public Response trySignIn(String body) {
        requireLdap(stores);
        JsonObject json = JsonBodies.object(body, OAuthError.INVALID_REQUEST);
        return noStore(json(run(() -> diagnostics.trySignIn(json.getString(USERNAME, null), json.getString(PASSWORD, null)))));
    }

    /** The ldap store must be on; a 404 otherwise (there is no directory to describe). */
    public static void requireLdap(UserStoreSettings stores) {
        if (!stores.stores().contains(LdapUserStore.ID)) {
            throw new OAuthException(OAuthError.NOT_FOUND, "The ldap user store is not enabled (tessera.users.stores)");
        }
    }

    /** A missing username or password is the API's invalid_request. */
    public static LdapDiagnostics.Trial run(Supplier<LdapDiagnostics.Trial> trial) {
        try {
            return trial.get();
        } catch (IllegalArgumentException e) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, e.getMessage());
        }
    }

    private static String json(LdapDiagnostics.Trial trial) {
        JsonArrayBuilder groups = Json.createArrayBuilder();
        trial.groups().forEach(groups::add);
        return Json.createObjectBuilder().add("filter", trial.filter()).add("base_dn", trial.baseDn()).add("dn", trial.dn())
                .add("sub", trial.subject()).add("bind", trial.bind()).add("bound", trial.bound()).add("groups", groups)
                .add("error", trial.error()).build().toString();
    }

    private static Response noStore(String body) {
        return Response.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
