package dev.tessera.token.grant;

import dev.tessera.client.Client;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.OAuthParameters;
import dev.tessera.oauth.Scopes;
import dev.tessera.token.GrantHandler;
import dev.tessera.token.RefreshGrant;
import dev.tessera.token.RefreshTokens;
import dev.tessera.token.TokenRequest;
import dev.tessera.token.TokenResponse;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * The refresh token grant (RFC 6749 §6): rotate the token, allow a narrower scope and refuse a wider one
 * (§6: the scope "MUST NOT include any scope not originally granted"), re-check the user's account, issue.
 */
@ApplicationScoped
public class RefreshTokenGrant implements GrantHandler {

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    UserDirectory users;

    @Inject
    UserTokens tokens;

    @Override
    public String grantType() {
        return GrantTypes.REFRESH_TOKEN;
    }

    @Override
    public TokenResponse handle(TokenRequest request) {
        Client client = request.client();
        Set<String> requestedScope = request.form().get(OAuthParameters.SCOPE).map(Scopes::parse).orElse(null);
        RefreshGrant grant = refreshTokens.rotate(request.form().require(OAuthParameters.REFRESH_TOKEN), client, requestedScope);
        UserAccount user = users.findBySubject(grant.subject()).filter(UserAccount::enabled).orElse(null);
        if (user == null) {
            refreshTokens.revokeFamily(grant.familyId());
            throw new OAuthException(OAuthError.INVALID_GRANT, "The user's account is no longer active");
        }
        return tokens.issue(client, user, grant, null).response();
    }
}
