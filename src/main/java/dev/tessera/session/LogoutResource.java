package dev.tessera.session;

import dev.tessera.config.Issuer;
import dev.tessera.http.RequestContext;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0). With an {@code id_token_hint} for the
 * browser's current session the logout happens at once; otherwise the person confirms on the logout
 * page, so a third-party page cannot sign anyone out (§6: the OP "SHOULD" ask when the hint is missing).
 * Afterwards the browser goes to a registered {@code post_logout_redirect_uri} with {@code state}, or sees
 * the signed-out page; first through the page that loads the applications' front-channel logout URIs when the
 * ended session had any ({@link FrontchannelLogouts}).
 */
@Path("/logout")
@ApplicationScoped
@Tag(name = "session")
public class LogoutResource {
    public static final String PAGE = "/ui/logout.xhtml";

    @Inject
    Issuer issuer;

    @Inject
    IdTokenHints hints;

    @Inject
    LogoutTargets targets;

    @Inject
    SessionCookie cookie;

    @Inject
    SessionService sessions;

    @Inject
    SignedOutMark signedOut;

    @Inject
    RequestContext http;

    @Inject
    FrontchannelLogouts frontchannel;

    @GET
    @Operation(summary = "End the SSO session (OpenID Connect RP-Initiated Logout)")
    public Response get(@Context UriInfo uri) {
        return handle(uri.getRequestUri().getRawQuery());
    }

    @POST
    @Operation(summary = "End the SSO session, form-encoded parameters")
    public Response post(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return LogoutPages.error("The body must be application/x-www-form-urlencoded");
        }
        return handle(body);
    }

    private Response handle(String raw) {
        FormParameters params;
        try {
            params = FormParameters.parse(raw, Set.of());
        } catch (OAuthException e) {
            return LogoutPages.error(e.description());
        }
        Optional<JwtClaims> hint = hints.claims(params.get("id_token_hint").orElse(null));
        if (params.has("id_token_hint") && hint.isEmpty()) {
            return LogoutPages.error("id_token_hint is not an ID token of this server");
        }
        String clientId = params.get("client_id").orElse(hint.flatMap(LogoutResource::audience).orElse(null));
        if (hint.isPresent() && params.has("client_id") && !params.get("client_id").equals(hint.flatMap(LogoutResource::audience))) {
            return LogoutPages.error("client_id does not match the id_token_hint");
        }
        String requested = params.get("post_logout_redirect_uri").orElse(null);
        Optional<String> redirect = targets.verified(clientId, requested);
        if (requested != null && redirect.isEmpty()) {
            return LogoutPages.error("post_logout_redirect_uri is not registered for this client");
        }
        String state = params.get("state").orElse(null);
        Optional<SsoSession> session = cookie.read(http).flatMap(sessions::current);
        boolean hintMatches = session.isPresent() && hint.map(c -> session.get().sid().equals(c.getClaimValue("sid"))).orElse(false);
        if (session.isPresent() && !hintMatches) {
            return Response.seeOther(URI.create(issuer.endpoint(PAGE + "?" + LogoutPages.query(clientId, redirect.orElse(null), state))))
                    .header("Cache-Control", "no-store").build();
        }
        Optional<SessionEnded> ended = cookie.read(http).flatMap(sessions::end);
        String target = redirect.map(r -> LogoutTargets.withState(r, state)).orElse(null);
        List<String> frames = ended.map(frontchannel::uris).orElse(List.of());
        Response page = !frames.isEmpty()
                ? LogoutPages.frames(frontchannel.pageAttributes(frames, frontchannel.continueTo(target)), cookie.clearing())
                : LogoutPages.done(target, cookie.clearing(), issuer);
        return signedOut.setting().map(c -> Response.fromResponse(page).header("Set-Cookie", c).build()).orElse(page);
    }

    private static Optional<String> audience(JwtClaims claims) {
        try {
            List<String> aud = claims.getAudience();
            return aud.size() == 1 ? Optional.of(aud.get(0)) : Optional.empty();
        } catch (MalformedClaimException e) {
            return Optional.empty();
        }
    }
}
