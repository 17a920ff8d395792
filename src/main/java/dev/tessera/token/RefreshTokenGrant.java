package dev.tessera.token;

import dev.tessera.client.Client;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.OAuthParameters;
import dev.tessera.oauth.Scopes;
import dev.tessera.user.UserAccount;
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
        RefreshRotation.Outcome local = rotation.readCheckAndRotate(value, client, requestedScope);
        if (local.response() != null) {
            return local.response();
        }
        // The token's person is in a directory: re-checked (not from a cache: an account disabled there ends here)
        // before the token is consumed, so a directory that cannot answer fails the request with the client's token
        // intact; outside the transaction, so a slow directory holds no database connection. The row read in the
        // transaction is the one rotation uses (only what never changes in it).
        RefreshToken token = local.forDirectory();
        UserAccount checked = rotation.recheck(token);
        return rotation.rotate(token, client, requestedScope, checked);
    }
}
