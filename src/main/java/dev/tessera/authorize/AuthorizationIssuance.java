package dev.tessera.authorize;

import dev.tessera.client.Client;
import dev.tessera.oauth.AuthorizeParameters;
import dev.tessera.oauth.OAuthParameters;
import dev.tessera.oauth.Scopes;
import dev.tessera.oauth.Secrets;
import dev.tessera.session.SessionService;
import dev.tessera.session.SsoSession;
import dev.tessera.token.AccessTokenGrant;
import dev.tessera.token.AccessTokenIssuer;
import dev.tessera.token.IdTokenIssuer;
import dev.tessera.token.IdTokenRequest;
import dev.tessera.token.IssuedAccessToken;
import dev.tessera.token.Audiences;
import dev.tessera.token.UserGrant;
import dev.tessera.token.UserTokens;
import dev.tessera.user.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the authorization endpoint hands out once login and consent are settled: a code, and for
 * clients that opted into implicit or hybrid response types an access token and an ID token
 * (OpenID Connect Core §3.1.2.5, §3.2.2.5, §3.3.2.5).
 */
@ApplicationScoped
public class AuthorizationIssuance {

    @Inject
    AuthorizationCodes codes;

    @Inject
    AccessTokenIssuer accessTokens;

    @Inject
    IdTokenIssuer idTokens;

    @Inject
    Audiences audiences;

    @Inject
    SessionService sessions;

    public Map<String, String> issue(AuthorizationRequest request, Client client, SsoSession session, UserAccount user) {
        Map<String, String> params = new LinkedHashMap<>();
        UserGrant grant = new UserGrant(Secrets.random(16), request.clientId(), session.signIn(), request.scope(), request.resources(),
                request.claims());
        // Back-Channel Logout 1.0 §2.1: the session's end must reach every client that received something within it.
        sessions.join(session.sid(), client.clientId());
        String code = null;
        IssuedAccessToken access = null;
        if (request.wants("code")) {
            code = codes.issue(request, grant);
            params.put(AuthorizeParameters.CODE, code);
        }
        if (request.wants("token")) {
            access = accessTokens.issue(new AccessTokenGrant(client, user.subject(), request.scope(),
                    audiences.resolve(client, request.resources()), UserTokens.userClaims(grant)));
            params.put(OAuthParameters.ACCESS_TOKEN, access.value());
            params.put(OAuthParameters.TOKEN_TYPE, OAuthParameters.BEARER);
            params.put(OAuthParameters.EXPIRES_IN, Long.toString(access.expiresIn()));
            params.put(OAuthParameters.SCOPE, Scopes.format(request.scope()));
        }
        if (request.wants("id_token")) {
            IdTokenRequest.Bindings bindings = new IdTokenRequest.Bindings(request.nonce(), access == null ? null : access.value(), code);
            // OpenID Connect Core §5.4: the scope's claims go into the ID token only "when no Access Token is issued",
            // which is response_type id_token alone; with a code, the token endpoint issues one later.
            boolean scopeClaims = !request.wants("code") && access == null;
            params.put(AuthorizeParameters.ID_TOKEN, idTokens.issue(new IdTokenRequest(client, user, grant, bindings, scopeClaims)));
        }
        return params;
    }
}
