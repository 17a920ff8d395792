package dev.tessera.authorize;

import dev.tessera.authorize.AuthorizationCodes.Redemption;
import dev.tessera.client.Client;
import dev.tessera.oauth.AuthorizeParameters;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.Pkce;
import dev.tessera.token.ArtifactGrants;
import dev.tessera.token.GrantHandler;
import dev.tessera.token.TokenRequest;
import dev.tessera.token.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The authorization code grant (RFC 6749 §4.1.3), step by step: redeem the code atomically, check what
 * it is bound to (client, redirect URI, PKCE), check the user, issue. A second redemption revokes every
 * token issued from the code (RFC 6749 §4.1.2: the server "SHOULD revoke (when possible) all tokens
 * previously issued based on that authorization code").
 */
@ApplicationScoped
public class AuthorizationCodeGrant implements GrantHandler {
    private static final String INVALID = "The authorization code is invalid, expired or already used";

    @Inject
    AuthorizationCodes codes;

    @Inject
    ArtifactGrants grants;

    @Override
    public String grantType() {
        return GrantTypes.AUTHORIZATION_CODE;
    }

    @Override
    public TokenResponse handle(TokenRequest request) {
        Client client = request.client();
        AuthorizationCode code = redeem(request.form().require(AuthorizeParameters.CODE));
        // RFC 6749 §4.1.3: "ensure that the authorization code was issued to the authenticated confidential client".
        if (!code.clientId().equals(client.clientId())) {
            throw new OAuthException(OAuthError.INVALID_GRANT, INVALID, "code of " + code.clientId() + " presented by " + client.clientId());
        }
        checkRedirectUri(code, request.form().get(AuthorizeParameters.REDIRECT_URI).orElse(null));
        checkPkce(code, request.form().get(AuthorizeParameters.CODE_VERIFIER).orElse(null));
        return grants.issue(client, code, code.nonce());
    }

    private AuthorizationCode redeem(String value) {
        Redemption redemption = codes.redeem(value);
        if (redemption instanceof Redemption.First first) {
            return first.code();
        }
        if (redemption instanceof Redemption.Replayed replayed) {
            AuthorizationCode code = replayed.code();
            grants.revokeReplayed(code);
            throw new OAuthException(OAuthError.INVALID_GRANT, INVALID, "code replayed: grant " + code.grantId() + " revoked");
        }
        throw new OAuthException(OAuthError.INVALID_GRANT, INVALID);
    }

    /** RFC 6749 §4.1.3: present "if included in the initial authorization request", and then "identical". */
    private static void checkRedirectUri(AuthorizationCode code, String given) {
        boolean ok = code.redirectUri() == null ? given == null : code.redirectUri().equals(given);
        if (!ok) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "redirect_uri does not match the authorization request");
        }
    }

    /** RFC 7636 §4.6, and RFC 9700 §4.8.2: a verifier without a challenge is a downgrade attempt. */
    private static void checkPkce(AuthorizationCode code, String verifier) {
        if (code.codeChallenge() == null) {
            if (verifier != null) {
                throw new OAuthException(OAuthError.INVALID_GRANT, "code_verifier sent, but the authorization request had no code_challenge");
            }
            return;
        }
        if (verifier == null) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "code_verifier is required: the authorization request had a code_challenge");
        }
        if (!Pkce.matches(verifier, code.codeChallenge(), code.codeChallengeMethod())) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "code_verifier does not match the code_challenge");
        }
    }
}
