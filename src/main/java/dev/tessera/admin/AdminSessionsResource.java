package dev.tessera.admin;

import dev.tessera.http.UserAgents;
import dev.tessera.oauth.JsonFactories;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.session.SessionEndReason;
import dev.tessera.session.SessionOrigin;
import dev.tessera.session.SessionService;
import dev.tessera.session.SsoSession;
import dev.tessera.token.RefreshTokens;
import dev.tessera.user.UserAdministration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
 * A user's SSO sessions for administrators (issue 19 point 6): list them, end one or all. Ending a session goes
 * the way every session end goes (the session service): its non-offline refresh tokens are revoked and every
 * application that took part is notified; {@code everywhere=true} also revokes the user's offline refresh tokens.
 */
@Path("/admin/api/users/{sub}/sessions")
@ApplicationScoped
@AdminApi
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSessionsResource {
    static final String EVERYWHERE = "everywhere";

    @Inject
    SessionService sessions;

    @Inject
    UserAdministration users;

    @Inject
    RefreshTokens refreshTokens;

    @GET
    @Operation(summary = "List a user's SSO sessions, newest first, with the clients that took part in each",
            description = "Each session: sid, created_at, last_active_at (to within a minute), auth_time, amr, remember, "
                    + "idle_expires_at, expires_at (epoch seconds), clients, and where it signed in from: address, user_agent "
                    + "(cut to 255 characters), browser and os as Tessera reads the user agent (absent when unknown or not recognised)")
    public Response list(@PathParam("sub") String sub) {
        requireUser(sub);
        JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
        for (SsoSession s : sessions.of(sub)) {
            list.add(json(s));
        }
        return Response.ok(JsonFactories.BUILDERS.createObjectBuilder().add("sessions", list).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @DELETE
    @Operation(summary = "End every session of a user and notify their applications; everywhere=true also revokes "
            + "offline refresh tokens")
    public Response endAll(@PathParam("sub") String sub, @QueryParam(EVERYWHERE) @DefaultValue("false") boolean everywhere,
            @Context SecurityContext caller) {
        requireUser(sub);
        sessions.endAllFor(sub, SessionEndReason.ADMIN, caller.getUserPrincipal().getName());
        if (everywhere) {
            refreshTokens.revokeSubject(sub);
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("{sid}")
    @Operation(summary = "End one session of a user (by its sid) and notify the applications that took part")
    public Response endOne(@PathParam("sub") String sub, @PathParam("sid") String sid, @Context SecurityContext caller) {
        if (!sessions.endOne(sub, sid, SessionEndReason.ADMIN, caller.getUserPrincipal().getName())) {
            throw new OAuthException(OAuthError.NOT_FOUND, "No session " + sid + " of user " + sub);
        }
        return Response.noContent().build();
    }

    private void requireUser(String sub) {
        if (users.find(sub).isEmpty() && sessions.of(sub).isEmpty()) {
            throw new OAuthException(OAuthError.NOT_FOUND, "No user " + sub);
        }
    }

    private JsonObjectBuilder json(SsoSession s) {
        JsonArrayBuilder clients = JsonFactories.BUILDERS.createArrayBuilder();
        sessions.participants(s.sid()).forEach(clients::add);
        JsonArrayBuilder amr = JsonFactories.BUILDERS.createArrayBuilder();
        s.authentication().amr().forEach(amr::add);
        JsonObjectBuilder json = JsonFactories.BUILDERS.createObjectBuilder()
                .add("sid", s.sid())
                .add("created_at", s.createdAt().getEpochSecond())
                .add("last_active_at", s.lastActive().getEpochSecond())
                .add("auth_time", s.authentication().authTime().getEpochSecond())
                .add("amr", amr)
                .add("remember", s.remember())
                .add("idle_expires_at", s.idleExpiresAt().getEpochSecond())
                .add("expires_at", s.expiresAt().getEpochSecond())
                .add("clients", clients);
        SessionOrigin origin = s.origin();
        UserAgents.Device device = UserAgents.describe(origin.userAgent());
        optional(json, "address", origin.address());
        optional(json, "user_agent", origin.userAgent());
        optional(json, "browser", device.browser());
        optional(json, "os", device.system());
        return json;
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
