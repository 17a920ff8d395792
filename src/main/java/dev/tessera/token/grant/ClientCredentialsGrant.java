package dev.tessera.token.grant;

import dev.tessera.client.Client;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.OAuthParameters;
import dev.tessera.token.AccessTokenGrant;
import dev.tessera.token.AccessTokenIssuer;
import dev.tessera.token.Audiences;
import dev.tessera.token.GrantHandler;
import dev.tessera.token.GrantScopes;
import dev.tessera.token.TokenRequest;
import dev.tessera.token.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;

/**
 * The client credentials grant (RFC 6749 §4.4): a confidential client gets a token for itself. No user,
 * no refresh token (§4.4.3: "A refresh token SHOULD NOT be included").
 */
@ApplicationScoped
public class ClientCredentialsGrant implements GrantHandler {

    @Inject
    AccessTokenIssuer issuer;

    @Inject
    GrantScopes scopes;

    @Inject
    Audiences audiences;

    @Override
    public String grantType() {
        return GrantTypes.CLIENT_CREDENTIALS;
    }

    @Override
    public TokenResponse handle(TokenRequest request) {
        Client client = request.client();
        // RFC 6749 §4.4: "The client credentials grant type MUST only be used by confidential clients."
        if (client.isPublic()) {
            throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, "Public clients may not use client_credentials");
        }
        Set<String> scope = scopes.granted(client, request.form().get(OAuthParameters.SCOPE).orElse(null));
        var aud = audiences.resolve(client, request.form().all(OAuthParameters.RESOURCE));
        // RFC 9068 §2.2: for grants without a resource owner, sub identifies the client.
        return TokenResponse.accessOnly(issuer.issue(new AccessTokenGrant(client, client.clientId(), scope, aud, Map.of())));
    }
}
