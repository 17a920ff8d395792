package dev.tessera.token;

import dev.tessera.oauth.JsonFactories;
import dev.tessera.oauth.OAuthParameters;
import dev.tessera.oauth.Scopes;
import jakarta.json.JsonObjectBuilder;
import java.util.Set;

/** The successful token response of RFC 6749 §5.1. */
public record TokenResponse(String accessToken, long expiresIn, Set<String> scope, String refreshToken, String idToken) {

    public static TokenResponse accessOnly(IssuedAccessToken token) {
        return new TokenResponse(token.value(), token.expiresIn(), token.scope(), null, null);
    }

    public String toJson() {
        JsonObjectBuilder json = JsonFactories.BUILDERS.createObjectBuilder()
                .add(OAuthParameters.ACCESS_TOKEN, accessToken)
                .add(OAuthParameters.TOKEN_TYPE, OAuthParameters.BEARER)
                .add(OAuthParameters.EXPIRES_IN, expiresIn);
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
