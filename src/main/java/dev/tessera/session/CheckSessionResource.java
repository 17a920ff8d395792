package dev.tessera.session;

import dev.tessera.http.PageFraming;
import dev.tessera.http.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OP iframe of OpenID Connect Session Management 1.0 §4.2 ({@code check_session_iframe}): a page with one static
 * script ({@code /static/check-session.js}) that answers a relying party's {@code postMessage} of
 * {@code client_id + " " + session_state} with {@code changed}, {@code unchanged} or {@code error}. Relying parties
 * load it in an iframe from their own origins, so unlike every other page it may be framed by any page
 * ({@code frame-ancestors *}): it shows nothing, and its one answer is bound to the asking page's origin (the
 * origin is part of the hash), so a foreign page learns only "changed". When this browser still sends an SSO cookie
 * whose session has ended elsewhere (an administrator, the expiry sweep, another browser's account page), the page
 * clears it, which renews the browser state: the relying party's next check says "changed".
 */
@Path(CheckSessionResource.PATH)
@ApplicationScoped
@Tag(name = "session")
public class CheckSessionResource {
    public static final String PATH = "/session/check";

    @Inject
    BrowserState browserState;

    @Inject
    SessionCookie cookie;

    @Inject
    SessionService sessions;

    @Inject
    RequestContext http;

    @GET
    @Operation(summary = "The check_session iframe (OpenID Connect Session Management 1.0)")
    public Response page(@Context HttpServletRequest request) {
        PageFraming.frameableByAnyPage(request);
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Session check</title>"
                + "<script src=\"/static/check-session.js\" data-cookie=\"" + browserState.name() + "\"></script>"
                + "</head><body></body></html>";
        Response.ResponseBuilder answer = Response.ok(html, MediaType.TEXT_HTML + ";charset=UTF-8").header("Cache-Control", "no-store");
        if (cookie.read(http).filter(value -> !sessions.isLive(value)).isPresent()) {
            answer.header("Set-Cookie", cookie.clearing());
        }
        return answer.build();
    }
}
