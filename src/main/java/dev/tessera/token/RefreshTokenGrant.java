package dev.tessera.token;

import dev.tessera.client.Client;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.OAuthParameters;
import dev.tessera.oauth.Scopes;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * The refresh token grant (RFC 6749 §6): rotate the token, allow a narrower scope and refuse a wider one
 * (§6: the scope "MUST NOT include any scope not originally granted"), re-check the user's account in its store
 * (bypassing any cache), issue.
 */
@ApplicationScoped
public class RefreshTokenGrant implements GrantHandler {

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    UserDirectory users;

    @Inject
    RefreshRotation rotation;

    @Override
    public String grantType() {
        return GrantTypes.REFRESH_TOKEN;
    }

    @Override
    public TokenResponse handle(TokenRequest request) {
        Client client = request.client();
        Set<String> requestedScope = request.form().get(OAuthParameters.SCOPE).map(Scopes::parse).orElse(null);
        String value = request.form().require(OAuthParameters.REFRESH_TOKEN);
        // The person is re-checked (not from a cache: an LDAP account disabled in the directory ends here) before
        // the token is consumed, so a user store that cannot answer fails the request with the client's token intact.
        // A token already rotated is looked up too: within the reuse interval it may still stand for a retry. The row
        // read here is the one rotation uses: read once per refresh (issue 23).
        RefreshToken token = refreshTokens.stored(value).filter(t -> t.clientId().equals(client.clientId())).orElse(null);
        UserAccount checked = token == null || !refreshTokens.withinFamilyLifetime(token) ? null
                : users.recheck(token.grant().subject()).filter(UserAccount::enabled).orElse(null);
        return rotation.rotate(token, client, requestedScope, checked);
    }
}
