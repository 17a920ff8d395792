package dev.tessera.admin;

import dev.tessera.config.Issuer;
import dev.tessera.oauth.ErrorResponses;
import dev.tessera.oauth.OAuthError;
import dev.tessera.token.AccessTokenInspector;
import dev.tessera.token.TokenClaims;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Admits to the admin API only bearer access tokens this server issued (RFC 6750 §2.1), active (signed
 * by a published Tessera key, unexpired, not revoked), meant for this server ({@code aud} contains the
 * issuer) and carrying the scope {@value #ADMIN_SCOPE}. Errors follow RFC 6750 §3: 401
 * {@code invalid_token} or 403 {@code insufficient_scope}, each with its WWW-Authenticate challenge.
 */
@AdminApi
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {
    public static final String ADMIN_SCOPE = "tessera:admin";
    private static final String REALM = "Bearer realm=\"tessera-admin\"";

    @Inject
    AccessTokenInspector inspector;

    @Inject
    Issuer issuer;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // RFC 6750 §3.1: with no credentials at all, the challenge carries no error code.
            request.abortWith(ErrorResponses.builder(OAuthError.INVALID_TOKEN, "A bearer access token is required")
                    .header(HttpHeaders.WWW_AUTHENTICATE, REALM).build());
            return;
        }
        Optional<TokenClaims> token = inspector.inspect(authorization.substring(7).trim());
        if (token.isEmpty() || !token.get().audiences().contains(issuer.url())) {
            request.abortWith(ErrorResponses.builder(OAuthError.INVALID_TOKEN, "The access token is not active or not meant for this server")
                    .header(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"invalid_token\"").build());
            return;
        }
        if (!token.get().scope().contains(ADMIN_SCOPE)) {
            request.abortWith(ErrorResponses.builder(OAuthError.INSUFFICIENT_SCOPE, "The access token lacks the scope " + ADMIN_SCOPE)
                    .header(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"insufficient_scope\", scope=\"" + ADMIN_SCOPE + "\"")
                    .build());
        }
    }
}
