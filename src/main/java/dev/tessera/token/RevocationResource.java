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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Token revocation (RFC 7009). Unknown, expired and malformed tokens answer 200 (§2.2: "invalid tokens
 * do not cause an error"). A token issued to another client is refused (§2.1: the server "verifies
 * whether the token was issued to the client making the revocation request. If this validation fails,
 * the request is refused").
 */
@Path(Endpoints.REVOKE)
@ApplicationScoped
@Tag(name = "token")
public class RevocationResource {

    @Inject
    ClientRequests requests;

    @Inject
    AccessTokenInspector inspector;

    @Inject
    RevocationList revocations;

    @Inject
    OpaqueTokens opaqueTokens;

    @Inject
    RefreshTokens refreshTokens;

    @POST
    @Operation(summary = "Token revocation (RFC 7009)")
    public Response revoke(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        ClientRequests.ClientRequest request = requests.read(Endpoints.REVOKE, contentType, authorization, body, Set.of());
        FormParameters form = request.form();
        AuthenticatedClient caller = request.client();
        String token = form.require(OAuthParameters.TOKEN);
        Optional<RefreshToken> refresh = refreshTokens.findLive(token);
        if (refresh.isPresent()) {
            if (!refresh.get().clientId().equals(caller.clientId())) {
                throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, "The token was not issued to this client");
            }
            // RFC 7009 §2.1: revoking a refresh token "SHOULD also invalidate all access tokens based on the same
            // authorization grant".
            refreshTokens.revokeFamily(refresh.get().familyId());
            return ok();
        }
        Optional<TokenClaims> claims = inspector.inspect(token);
        if (claims.isPresent()) {
            if (!claims.get().clientId().equals(caller.clientId())) {
                throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, "The token was not issued to this client");
            }
            if (token.chars().filter(c -> c == '.').count() == 2) {
                revocations.revoke(claims.get().jti(), claims.get().expiresAt());
            } else {
                opaqueTokens.delete(token);
            }
        }
        return ok();
    }

    private static Response ok() {
        return Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }
}
