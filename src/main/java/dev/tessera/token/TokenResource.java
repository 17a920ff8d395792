package dev.tessera.token;

import dev.tessera.audit.IssuedTokens;
import dev.tessera.client.AuthenticatedClient;
import dev.tessera.client.ClientRequests;
import dev.tessera.http.RequestContext;
import dev.tessera.metrics.TesseraMetrics;
import dev.tessera.oauth.Endpoints;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.OAuthParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The token endpoint (RFC 6749 §3.2): reads the form, authenticates the client, hands the request to
 * the handler of its grant type. POST only, so GET is 405. Every answer is {@code no-store}.
 */
@Path(Endpoints.TOKEN)
@ApplicationScoped
@Tag(name = "token")
public class TokenResource {
    /** Parameters whose specifications allow repeats: RFC 8707 §2 resource, RFC 8693 §2.1 audience. */
    static final Set<String> REPEATABLE = Set.of(OAuthParameters.RESOURCE, OAuthParameters.AUDIENCE);

    @Inject
    ClientRequests requests;

    @Inject
    GrantHandlers handlers;

    @Inject
    TesseraMetrics metrics;

    /** The current request's facts; computed only when a grant reads them. */
    @Inject
    RequestContext context;

    @Inject
    IssuedTokens issuedTokens;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Token endpoint (RFC 6749 §3.2): form-encoded grant request, JSON token response")
    public Response token(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        long start = System.nanoTime();
        String grant = null;
        String clientId = null;
        try {
            ClientRequests.ClientRequest request = requests.read(Endpoints.TOKEN, contentType, authorization, body, REPEATABLE);
            FormParameters form = request.form();
            AuthenticatedClient client = request.client();
            clientId = client.client().clientId();
            String grantType = form.require(OAuthParameters.GRANT_TYPE);
            GrantHandler handler = handlers.forType(grantType);
            grant = grantType; // only a grant type Tessera serves becomes a metric label
            // RFC 6749 §5.2 unauthorized_client: "not authorized to use this authorization grant type".
            if (!client.client().grantTypes().contains(grantType)) {
                throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, "This client may not use grant_type '" + grantType + "'");
            }
            TokenResponse response = handler.handle(new TokenRequest(form, client, context));
            metrics.tokenAnswered(grant, clientId, null, start);
            issuedTokens.issued(grantType, clientId, null, context.peerAddress(), Map.of(OAuthParameters.SCOPE,
                    String.join(" ", response.scope() == null ? Set.of() : response.scope()), "refresh_token",
                    Boolean.toString(response.refreshToken() != null), "id_token", Boolean.toString(response.idToken() != null)));
            // Bytes, not a String: Jersey writes a String through a new OutputStreamWriter whose encoder allocates an
            // 8 KiB buffer per response, for a body of a few hundred bytes to a few KiB (allocation profile, docs/performance.md).
            return Response.ok(response.toJson().getBytes(StandardCharsets.UTF_8))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("Pragma", "no-cache")
                    .build();
        } catch (OAuthException e) {
            metrics.tokenAnswered(grant, clientId, e.error().code(), start);
            throw e;
        } catch (RuntimeException e) {
            metrics.tokenAnswered(grant, clientId, OAuthError.SERVER_ERROR.code(), start);
            throw e;
        }
    }
}
