package dev.tessera.token;

import dev.tessera.client.AuthenticatedClient;
import dev.tessera.client.ClientRequests;
import dev.tessera.oauth.Endpoints;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.OAuthParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Token introspection (RFC 7662). The caller must authenticate as a confidential client (§2.1: "the
 * endpoint MUST also require some form of authorization"); public clients cannot. The
 * token_type_hint is ignored: both formats are tried, which is what §2.1 allows. With
 * {@code Accept: application/token-introspection+jwt} the answer is a signed JWT (RFC 9701).
 */
@Path(Endpoints.INTROSPECT)
@ApplicationScoped
@Tag(name = "token")
public class IntrospectionResource {
    public static final String JWT_MEDIA_TYPE = "application/token-introspection+jwt";

    @Inject
    ClientRequests requests;

    @Inject
    AccessTokenInspector inspector;

    @Inject
    IntrospectionResponses responses;

    @Inject
    RefreshTokens refreshTokens;

    @POST
    @Operation(summary = "Token introspection (RFC 7662); JWT response per RFC 9701 on request")
    public Response introspect(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, String body) {
        ClientRequests.ClientRequest request = requests.read(Endpoints.INTROSPECT, contentType, authorization, body, Set.of());
        FormParameters form = request.form();
        AuthenticatedClient caller = request.client();
        if (caller.client().isPublic()) {
            throw new OAuthException(OAuthError.INVALID_CLIENT, "Public clients may not introspect tokens");
        }
        String token = form.require(OAuthParameters.TOKEN);
        Optional<TokenClaims> claims = inspector.inspect(token);
        if (claims.isEmpty()) {
            claims = refreshTokens.findLive(token).map(RefreshToken::claims);
        }
        JsonObject answer = responses.json(claims);
        boolean wantsJwt = accept != null && accept.contains(JWT_MEDIA_TYPE);
        Response.ResponseBuilder response = wantsJwt
                ? Response.ok(responses.signed(answer, caller.client()), JWT_MEDIA_TYPE)
                : Response.ok(answer.toString().getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON); // as TokenResource
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }
}
