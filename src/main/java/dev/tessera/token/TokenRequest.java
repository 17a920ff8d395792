package dev.tessera.token;

import dev.tessera.client.AuthenticatedClient;
import dev.tessera.client.Client;
import dev.tessera.http.RequestContext;
import dev.tessera.oauth.FormParameters;

/**
 * A token request after client authentication: the parsed form, who sent it, and the request's facts
 * (the caller's address for the password grant's throttle, and later the DPoP proof and TLS certificate
 * that sender-constrained tokens bind to).
 */
public record TokenRequest(FormParameters form, AuthenticatedClient authenticated, RequestContext context) {

    public Client client() {
        return authenticated.client();
    }
}
