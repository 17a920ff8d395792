package dev.tessera.authorize;

import dev.tessera.client.Client;
import dev.tessera.client.ClientDirectory;
import dev.tessera.http.RequestContext;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The authorization endpoint (RFC 6749 §3.1, OpenID Connect Core §3.1.2), GET and POST, and the resume
 * step the login and consent pages send the browser back to. Phase one ({@link ClientVerification})
 * errors render the error page; phase two ({@link AuthorizeChecks}) and later errors go to the client.
 * No CORS here (RFC 9700 §2.6): the filter gives this path none.
 */
@Path("/authorize")
@ApplicationScoped
@Tag(name = "authorize")
public class AuthorizeResource {

    @Inject
    ClientVerification verification;

    @Inject
    AuthorizeChecks checks;

    @Inject
    AuthorizationFlow flow;

    @Inject
    AuthorizationResponder responder;

    @Inject
    PendingAuthorizations pendings;

    @Inject
    ClientDirectory clients;

    @Inject
    RequestContext http;

    @GET
    @Operation(summary = "Authorization endpoint (query parameters)")
    public Response get(@Context UriInfo uri) {
        return handle(uri.getRequestUri().getRawQuery());
    }

    @POST
    @Operation(summary = "Authorization endpoint (form-encoded body)")
    public Response post(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return ErrorPage.response(AuthorizeException.page(OAuthError.INVALID_REQUEST, "The body must be application/x-www-form-urlencoded"));
        }
        return handle(body);
    }

    @GET
    @Path("resume")
    @Operation(summary = "Continues an authorization request after the login or consent page")
    public Response resume(@QueryParam("id") String id) {
        try {
            PendingAuthorization pending = pendings.find(id, name -> http.cookie(name).orElse(null)).orElseThrow(() ->
                    AuthorizeException.page(OAuthError.INVALID_REQUEST, "This sign-in request has expired or belongs to another browser"));
            AuthorizationRequest request = pending.request();
            Client client = clients.find(request.clientId()).filter(Client::enabled)
                    .orElseThrow(() -> AuthorizeException.page(OAuthError.INVALID_REQUEST, "Unknown client"));
            return flow.proceed(request, client, http, id, pending);
        } catch (AuthorizeException e) {
            return answer(e);
        }
    }

    private Response handle(String raw) {
        try {
            FormParameters params = parse(raw);
            VerifiedClient verified = verification.verify(params);
            AuthorizationRequest request = checks.validate(params, verified);
            return flow.proceed(request, verified.client(), http, null, null);
        } catch (AuthorizeException e) {
            return answer(e);
        }
    }

    private Response answer(AuthorizeException e) {
        return e.target() == null ? ErrorPage.response(e) : responder.error(e);
    }

    private static FormParameters parse(String raw) {
        try {
            return FormParameters.parseAll(raw);
        } catch (OAuthException e) {
            throw AuthorizeException.page(OAuthError.INVALID_REQUEST, "The request parameters are not validly encoded");
        }
    }

}
