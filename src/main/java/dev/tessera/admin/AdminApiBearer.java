package dev.tessera.admin;

import dev.tessera.config.Issuer;
import dev.tessera.http.ErrorWriter;
import dev.tessera.http.SecurityHeaders;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.Scopes;
import dev.tessera.token.AccessTokenInspector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * The admin API's callers ({@link GuardedArea#ADMIN_API}): a bearer access token (RFC 6750 §2.1) that this
 * server issued, verified as introspection verifies it ({@link AccessTokenInspector#verifiedJwt}: a published
 * key of this server with that key's algorithm, {@code iss} this server, type {@code at+jwt}, unexpired, not
 * revoked), whose {@code aud} names this server and whose scope includes {@value Scopes#ADMIN}. Admin resources
 * then see the caller as a MicroProfile JWT {@code JsonWebToken} ({@link AdminCaller}).
 *
 * <p>Refusals follow RFC 6750 §3: 401 {@code invalid_token} or 403 {@code insufficient_scope}, each with its
 * {@code WWW-Authenticate} challenge, in Tessera's JSON error shape. They are written here, before any servlet
 * filter runs, so they get the common security headers here too.
 */
@ApplicationScoped
public class AdminApiBearer implements AreaGuard {
    static final String REALM = "Bearer realm=\"tessera-admin\"";
    static final String INVALID_TOKEN_CHALLENGE = REALM + ", error=\"invalid_token\"";
    static final String INSUFFICIENT_SCOPE_CHALLENGE = REALM + ", error=\"insufficient_scope\", scope=\"" + Scopes.ADMIN + "\"";
    static final String NOT_ACTIVE = "The access token is not active or not meant for this server";
    private static final String BEARER = "Bearer ";

    @Inject
    AccessTokenInspector inspector;

    @Inject
    Issuer issuer;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            // RFC 6750 §3.1: "If the request lacks any authentication information ... the resource server
            // SHOULD NOT include an error code": the challenge names the realm only.
            return refuse(response, OAuthError.INVALID_TOKEN, "A bearer access token is required", REALM);
        }
        String token = authorization.substring(BEARER.length()).trim();
        Optional<JwtClaims> claims = inspector.verifiedJwt(token).filter(this::meantForThisServer);
        if (claims.isEmpty()) {
            return refuse(response, OAuthError.INVALID_TOKEN, NOT_ACTIVE, INVALID_TOKEN_CHALLENGE);
        }
        if (!Scopes.parse(claims.get().getClaimValueAsString("scope")).contains(Scopes.ADMIN)) {
            return refuse(response, OAuthError.INSUFFICIENT_SCOPE, "The access token lacks the scope " + Scopes.ADMIN,
                    INSUFFICIENT_SCOPE_CHALLENGE);
        }
        return context.notifyContainerAboutLogin(new AdminCaller(token, claims.get()), Set.of());
    }

    /** RFC 9068 §4: the resource server checks that {@code aud} names it; a token for an API is no admin token. */
    private boolean meantForThisServer(JwtClaims claims) {
        try {
            return claims.hasAudience() && claims.getAudience().contains(issuer.url());
        } catch (MalformedClaimException e) {
            return false;
        }
    }

    private AuthenticationStatus refuse(HttpServletResponse response, OAuthError error, String description, String challenge)
            throws AuthenticationException {
        try {
            ErrorWriter.write(response, error, description);
        } catch (IOException e) {
            throw new AuthenticationException(e);
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        SecurityHeaders.setCommonHeaders(response, issuer);
        return AuthenticationStatus.SEND_FAILURE;
    }
}
