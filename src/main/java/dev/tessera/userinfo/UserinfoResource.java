package dev.tessera.userinfo;

import dev.tessera.claims.JsonValues;
import dev.tessera.claims.ScopeClaims;
import dev.tessera.oauth.JsonFactories;
import dev.tessera.oauth.Endpoints;
import dev.tessera.oauth.ErrorResponses;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthError;
import dev.tessera.token.AccessTokenInspector;
import dev.tessera.token.TokenClaims;
import dev.tessera.token.UserTokens;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The UserInfo endpoint (OpenID Connect Core §5.3): the claims the access token's scope and claims
 * request allow. The token comes in the Authorization header or a form body (RFC 6750 §2.1, §2.2),
 * never in the query (RFC 9700 §4.3.2). Errors carry the RFC 6750 §3 challenge.
 */
@Path(Endpoints.USERINFO)
@ApplicationScoped
@Tag(name = "userinfo")
public class UserinfoResource {
    private static final String REALM = "Bearer realm=\"tessera\"";

    @Inject
    AccessTokenInspector inspector;

    @Inject
    UserDirectory users;

    @GET
    @Operation(summary = "UserInfo (OpenID Connect Core §5.3), bearer token in the Authorization header")
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri) {
        if (uri.getQueryParameters().containsKey("access_token")) {
            return error(OAuthError.INVALID_REQUEST, "The access token must not be sent in the query");
        }
        return answer(bearer(authorization, null));
    }

    @POST
    @Operation(summary = "UserInfo, bearer token in the Authorization header or an access_token form field")
    public Response post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body, @Context UriInfo uri) {
        if (uri.getQueryParameters().containsKey("access_token")) {
            return error(OAuthError.INVALID_REQUEST, "The access token must not be sent in the query");
        }
        String formToken = null;
        if (body != null && !body.isEmpty()) {
            formToken = FormParameters.fromPost(contentType, body, Set.of()).get("access_token").orElse(null);
        }
        if (formToken != null && authorization != null) {
            // RFC 6750 §2: "Clients MUST NOT use more than one method to transmit the token in each request."
            return error(OAuthError.INVALID_REQUEST, "The access token was sent in more than one way");
        }
        return answer(bearer(authorization, formToken));
    }

    private static String bearer(String authorization, String formToken) {
        if (formToken != null) {
            return formToken;
        }
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : null;
    }

    private Response answer(String token) {
        if (token == null) {
            // RFC 6750 §3.1: a request without credentials gets a challenge without an error code.
            return ErrorResponses.builder(OAuthError.INVALID_TOKEN, "A bearer access token is required")
                    .header(HttpHeaders.WWW_AUTHENTICATE, REALM).build();
        }
        TokenClaims claims = inspector.inspect(token).orElse(null);
        if (claims == null) {
            return error(OAuthError.INVALID_TOKEN, "The access token is not active");
        }
        if (!claims.scope().contains("openid")) {
            return error(OAuthError.INSUFFICIENT_SCOPE, "The access token lacks the openid scope");
        }
        UserAccount user = users.findBySubject(claims.subject()).filter(UserAccount::enabled).orElse(null);
        if (user == null) {
            return error(OAuthError.INVALID_TOKEN, "The user's account is no longer active");
        }
        Set<String> requested = new LinkedHashSet<>();
        if (claims.extra().get(UserTokens.USERINFO_CLAIMS) instanceof Collection<?> names) {
            names.forEach(n -> requested.add(String.valueOf(n)));
        }
        JsonObjectBuilder json = JsonFactories.BUILDERS.createObjectBuilder().add("sub", user.subject());
        ScopeClaims.select(user.claims(), user.groups(), claims.scope(), requested)
                .forEach((name, value) -> json.add(name, JsonValues.of(value)));
        return Response.ok(json.build().toString(), MediaType.APPLICATION_JSON).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static Response error(OAuthError error, String description) {
        String challenge = REALM + ", error=\"" + error.code() + "\"" + (error == OAuthError.INSUFFICIENT_SCOPE ? ", scope=\"openid\"" : "");
        return ErrorResponses.builder(error, description).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
