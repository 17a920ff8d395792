package dev.tessera.client;

import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic client credentials. RFC 6749 §2.3.1: "The client identifier is encoded using the
 * application/x-www-form-urlencoded encoding algorithm ... and the encoded value is used as the
 * username; the client password is encoded using the same algorithm and used as the password", so
 * both halves are form-url-decoded after base64.
 */
public record BasicCredentials(String clientId, String secret) {

    /** @return null when the header is absent or not Basic */
    static BasicCredentials parse(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw malformed();
        }
        try {
            return new BasicCredentials(FormParameters.decodeComponent(decoded.substring(0, colon)),
                    FormParameters.decodeComponent(decoded.substring(colon + 1)));
        } catch (OAuthException e) {
            throw malformed();
        }
    }

    private static OAuthException malformed() {
        return new OAuthException(OAuthError.INVALID_CLIENT, "The Basic Authorization header is malformed")
                .withHeader("WWW-Authenticate", ClientAuthenticator.BASIC_CHALLENGE);
    }
}
