package dev.tessera.admin;

import dev.tessera.config.Issuer;
import dev.tessera.oauth.ErrorResponses;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.Scopes;
import dev.tessera.token.AccessTokenInspector;
import dev.tessera.token.TokenClaims;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Admits to the admin API only bearer access tokens this server issued (RFC 6750 §2.1) that MicroProfile
 * JWT has verified ({@link AdminApiAuthenticationMechanism}: signed by a published Tessera key, {@code iss}
 * and {@code aud} this server, unexpired), or the key ring when MP-JWT is switched off
 * ({@link AdminAuthSwitch}), that are still active here (an access token, not revoked) and
 * that carry the scope {@value #ADMIN_SCOPE}. MP-JWT alone knows nothing of revocation or scopes, hence
 * this second gate. Errors follow RFC 6750 §3: 401 {@code invalid_token} or 403
 * {@code insufficient_scope}, each with its WWW-Authenticate challenge.
 */
@AdminApi
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {
    public static final String ADMIN_SCOPE = Scopes.ADMIN;
    static final String REALM = "Bearer realm=\"tessera-admin\"";
    static final String INVALID_TOKEN_CHALLENGE = REALM + ", error=\"invalid_token\"";
    static final String NOT_ACTIVE = "The access token is not active or not meant for this server";

    @Inject
    AccessTokenInspector inspector;

    @Inject
    Issuer issuer;

    @Inject
    BeanManager beans;

    private volatile Boolean mpJwt;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // RFC 6750 §3.1: with no credentials at all, the challenge carries no error code.
            request.abortWith(ErrorResponses.builder(OAuthError.INVALID_TOKEN, "A bearer access token is required")
                    .header(HttpHeaders.WWW_AUTHENTICATE, REALM).build());
            return;
        }
        // With MP-JWT installed, only the token it verified counts; without it (tessera.admin.mp-jwt=false),
        // the key ring verifies the bearer token here.
        Principal caller = request.getSecurityContext().getUserPrincipal();
        String verified = caller instanceof JsonWebToken jwt ? jwt.getRawToken()
                : mpJwtInstalled() ? null : authorization.substring(7).trim();
        Optional<TokenClaims> token = verified == null ? Optional.empty() : inspector.inspect(verified);
        if (token.isEmpty() || !token.get().audiences().contains(issuer.url())) {
            request.abortWith(ErrorResponses.builder(OAuthError.INVALID_TOKEN, NOT_ACTIVE)
                    .header(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN_CHALLENGE).build());
            return;
        }
        if (!token.get().scope().contains(ADMIN_SCOPE)) {
            request.abortWith(ErrorResponses.builder(OAuthError.INSUFFICIENT_SCOPE, "The access token lacks the scope " + ADMIN_SCOPE)
                    .header(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"insufficient_scope\", scope=\"" + ADMIN_SCOPE + "\"")
                    .build());
        }
    }

    private boolean mpJwtInstalled() {
        Boolean installed = mpJwt;
        if (installed == null) {
            installed = AdminAuthSwitch.mechanismInstalled(beans);
            mpJwt = installed;
        }
        return installed;
    }
}
