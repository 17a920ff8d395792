package dev.tessera.client;

import dev.tessera.http.RequestContext;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.OAuthParameters;
import java.util.List;
import java.util.Optional;

/**
 * What a request presents to authenticate a client: an HTTP Basic header, form parameters, and the request's
 * facts (a TLS client certificate for RFC 8705 methods).
 *
 * @param basic     the parsed Basic header, or null
 * @param audiences what a client assertion's {@code aud} may name (issuer, endpoint URL)
 */
public record PresentedCredentials(BasicCredentials basic, FormParameters form, List<String> audiences, RequestContext request) {

    public boolean hasBasic() {
        return basic != null;
    }

    public Optional<String> postedSecret() {
        return form.get(OAuthParameters.CLIENT_SECRET);
    }

    /** Whether a client assertion (RFC 7521 §4.2) came, whole or in part. */
    public boolean hasAssertion() {
        return form.has(OAuthParameters.CLIENT_ASSERTION) || form.has(OAuthParameters.CLIENT_ASSERTION_TYPE);
    }

    /** How many of the three credential carriers came: RFC 6749 §2.3 allows one. */
    int carriers() {
        return (hasBasic() ? 1 : 0) + (postedSecret().isPresent() ? 1 : 0) + (hasAssertion() ? 1 : 0);
    }

    /** The client assertion, after checking RFC 7523 §2.2's assertion type. */
    public String assertion() {
        if (!OAuthParameters.JWT_BEARER_ASSERTION_TYPE.equals(form.get(OAuthParameters.CLIENT_ASSERTION_TYPE).orElse(null))) {
            throw new OAuthException(OAuthError.INVALID_REQUEST,
                    "client_assertion_type must be " + OAuthParameters.JWT_BEARER_ASSERTION_TYPE);
        }
        return form.require(OAuthParameters.CLIENT_ASSERTION);
    }

    /** The client the credentials claim to be: the Basic user name, the assertion's subject, or {@code client_id}. */
    String claimedClientId() {
        if (hasBasic()) {
            return basic.clientId();
        }
        if (hasAssertion()) {
            return ClientAssertionVerifier.claimedClient(assertion());
        }
        if (postedSecret().isPresent()) {
            return form.require(OAuthParameters.CLIENT_ID);
        }
        return form.get(OAuthParameters.CLIENT_ID)
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_CLIENT, "Client authentication is required"));
    }
}
