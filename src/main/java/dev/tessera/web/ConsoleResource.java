package dev.tessera.web;

import dev.tessera.admin.ConsoleGate;
import dev.tessera.admin.ConsoleOperator;
import dev.tessera.admin.ConsoleSignIn;
import dev.tessera.config.ConsoleSettings;
import dev.tessera.config.Issuer;
import dev.tessera.http.PageForward;
import dev.tessera.oauth.AuthorizeParameters;
import dev.tessera.oauth.OAuthException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Logger;

/**
 * {@code /admin} for browsers: the console's overview for an operator signed in to it, otherwise the start of the
 * console's sign-in through Tessera's own authorization endpoint; {@code /admin/callback} ends it. Anyone the
 * console does not admit gets the themed 403 page. API clients (no {@code text/html} in {@code Accept}) get the JSON
 * 404 of {@code /admin} as before; the admin API below it is untouched.
 */
@Path(ConsoleGate.ENTRY)
public class ConsoleResource {
    static final String OVERVIEW = ConsoleGate.PAGES + "index.xhtml";
    static final String DENIED = ConsoleGate.PAGES + "denied.xhtml";
    private static final Logger LOG = Logger.getLogger(ConsoleResource.class.getName());

    @Inject
    ConsoleSignIn signIn;

    @Inject
    ConsoleSettings settings;

    @Inject
    Issuer issuer;

    @Inject
    Clock clock;

    @GET
    public Response enter(@HeaderParam(HttpHeaders.ACCEPT) String accept, @Context HttpServletRequest request) {
        if (accept == null || !accept.contains(MediaType.TEXT_HTML)) {
            throw new NotFoundException();
        }
        if (ConsoleOperator.of(request.getSession(false), clock.instant(), settings.idleTimeout()).isPresent()) {
            return seeOther(issuer.endpoint(OVERVIEW));
        }
        return seeOther(signIn.begin(request.getSession(true)));
    }

    @GET
    @Path("callback")
    public Response callback(@QueryParam(AuthorizeParameters.CODE) String code, @QueryParam(AuthorizeParameters.STATE) String state,
            @QueryParam("error") String error, @Context HttpServletRequest request) {
        if (error != null || request.getSession(false) == null) {
            return PageForward.error("signin", error == null ? "invalid_request" : error, "The sign-in to the console did not complete");
        }
        ConsoleSignIn.Outcome outcome;
        try {
            outcome = signIn.finish(request.getSession(false), code, state);
        } catch (OAuthException e) {
            return PageForward.error("signin", e.error().code(), e.description());
        }
        if (outcome instanceof ConsoleSignIn.Admitted admitted) {
            request.changeSessionId(); // a new session id for the privileges the session now carries
            ConsoleOperator.signIn(request.getSession(false), admitted.operator());
            LOG.info(() -> "Console sign-in of " + admitted.operator().username() + (admitted.operator().readOnly() ? " (read-only)" : ""));
            return seeOther(issuer.endpoint(OVERVIEW));
        }
        LOG.info(() -> "Console refused to subject " + ((ConsoleSignIn.Refused) outcome).subject() + ": in none of the console's groups");
        PageForward page = new PageForward(DENIED, Response.Status.FORBIDDEN.getStatusCode(), Map.of());
        return Response.status(Response.Status.FORBIDDEN).entity(page).type(MediaType.TEXT_HTML + ";charset=UTF-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
