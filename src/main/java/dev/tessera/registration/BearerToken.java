package dev.tessera.registration;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.regex.Pattern;

/**
 * Bearer credentials at the registration endpoints: the initial access token (RFC 7591 §3) and the
 * registration access token (RFC 7592 §1.2), both sent as RFC 6750 §2.1 {@code Authorization: Bearer}.
 * Failures are 401 {@code invalid_token} with the RFC 6750 §3 challenge.
 */
final class BearerToken {
    static final String CHALLENGE = "Bearer realm=\"tessera-registration\"";
    /** RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=". */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]{1,512}=*");

    private BearerToken() {
    }

    /** @return the token, or null when the request carries no Bearer credentials at all */
    static String parse(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        if (!B64TOKEN.matcher(token).matches()) {
            throw invalid("The bearer token is malformed");
        }
        return token;
    }

    /** RFC 6750 §3.1: with no credentials at all, the challenge "SHOULD NOT include an error code". */
    static OAuthException missing(String description) {
        return new OAuthException(OAuthError.INVALID_TOKEN, description).withHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }

    static OAuthException invalid(String description) {
        return new OAuthException(OAuthError.INVALID_TOKEN, description)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
    }
}
