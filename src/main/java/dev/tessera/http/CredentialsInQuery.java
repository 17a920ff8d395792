package dev.tessera.http;

import dev.tessera.oauth.AuthorizeParameters;
import dev.tessera.oauth.DeviceParameters;
import dev.tessera.oauth.Endpoints;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthParameters;
import jakarta.enterprise.context.Dependent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

/**
 * Refuses a credential in the query of the endpoints that take them in a form body (RFC 6749 §2.3.1: the
 * client's credentials "MUST NOT be included in the request URI"; the same holds for passwords, codes,
 * assertions and tokens, RFC 9700 §4.3.2). A URI lands in access logs, proxy logs and Jersey's own warning
 * about form parameters it finds outside the body; refusing here, before Jersey runs, keeps the secret out of
 * all three and tells the client how to send it. The answer names the parameter, never its value.
 *
 * <p>A step of the filter every request crosses ({@code web/EveryRequestFilter}), after CORS so that a browser-based
 * client can read the refusal.
 */
@Dependent
public class CredentialsInQuery {
    /** The endpoints that take a credential in a form body. */
    static final Set<String> PATHS = Set.of(Endpoints.TOKEN, Endpoints.INTROSPECT, Endpoints.REVOKE,
            Endpoints.DEVICE_AUTHORIZATION);

    /** Parameters that carry a secret or a token somewhere in RFC 6749, 7009, 7523, 7662, 8628 and 8693. */
    static final Set<String> CREDENTIALS = Set.of(OAuthParameters.CLIENT_SECRET, OAuthParameters.CLIENT_ASSERTION,
            OAuthParameters.PASSWORD, OAuthParameters.REFRESH_TOKEN, OAuthParameters.ACCESS_TOKEN, OAuthParameters.TOKEN,
            OAuthParameters.ASSERTION, OAuthParameters.SUBJECT_TOKEN, OAuthParameters.ACTOR_TOKEN, AuthorizeParameters.CODE,
            AuthorizeParameters.CODE_VERIFIER, DeviceParameters.DEVICE_CODE);

    /** True when the request named a credential in its query, and has been answered so. */
    public boolean refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getQueryString();
        if (query == null || !PATHS.contains(RequestPath.of(request))) {
            return false;
        }
        String found = credentialIn(query);
        if (found == null) {
            return false;
        }
        ErrorWriter.write(response, OAuthError.INVALID_REQUEST,
                found + " must be sent in the application/x-www-form-urlencoded body, never in the request URI (RFC 6749 §2.3.1)");
        return true;
    }

    /**
     * The first credential parameter named in {@code query}, or null. Names are read leniently, one by one, so
     * a malformed escape elsewhere in the query cannot hide a secret that Payara and Jersey would still see.
     */
    static String credentialIn(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        return Arrays.stream(query.split("&")).map(pair -> name(pair.split("=", 2)[0])).filter(CREDENTIALS::contains)
                .sorted().findFirst().orElse(null);
    }

    private static String name(String raw) {
        try {
            return FormParameters.decodeComponent(raw);
        } catch (RuntimeException undecodable) {
            return raw;
        }
    }
}
