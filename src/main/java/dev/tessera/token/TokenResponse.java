package dev.tessera.token;

import dev.tessera.oauth.JsonFactories;
import dev.tessera.oauth.OAuthParameters;
import dev.tessera.oauth.Scopes;
import jakarta.json.JsonObjectBuilder;
import java.util.Set;

/**
 * The successful token response of RFC 6749 §5.1.
 *
 * @param issuedTokenType RFC 8693 §2.2.1 {@code issued_token_type}, "REQUIRED" in a token exchange
 *                        response; null for every other grant
 */
public record TokenResponse(String accessToken, long expiresIn, Set<String> scope, String refreshToken, String idToken,
        String issuedTokenType) {

    public TokenResponse(String accessToken, long expiresIn, Set<String> scope, String refreshToken, String idToken) {
        this(accessToken, expiresIn, scope, refreshToken, idToken, null);
    }

    public static TokenResponse accessOnly(IssuedAccessToken token) {
        return new TokenResponse(token.value(), token.expiresIn(), token.scope(), null, null);
    }

    /** This response, stating which RFC 8693 §3 token type {@code access_token} carries. */
    public TokenResponse withIssuedTokenType(String tokenType) {
        return new TokenResponse(accessToken, expiresIn, scope, refreshToken, idToken, tokenType);
    }

    public String toJson() {
        JsonObjectBuilder json = JsonFactories.BUILDERS.createObjectBuilder()
                .add(OAuthParameters.ACCESS_TOKEN, accessToken)
                .add(OAuthParameters.TOKEN_TYPE, OAuthParameters.BEARER)
                .add(OAuthParameters.EXPIRES_IN, expiresIn);
        if (issuedTokenType != null) {
            json.add(OAuthParameters.ISSUED_TOKEN_TYPE, issuedTokenType);
        }
        // RFC 6749 §5.1: scope is "OPTIONAL, if identical to the scope requested ...; otherwise, REQUIRED".
        // Always sent, so clients never have to remember what they asked for.
        if (!scope.isEmpty()) {
            json.add(OAuthParameters.SCOPE, Scopes.format(scope));
        }
        if (refreshToken != null) {
            json.add(OAuthParameters.REFRESH_TOKEN, refreshToken);
        }
        if (idToken != null) {
            json.add("id_token", idToken);
        }
        return json.build().toString();
    }
}
