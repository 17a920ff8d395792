package dev.tessera.token;

import dev.tessera.client.AuthenticatedClient;
import dev.tessera.client.Client;
import dev.tessera.oauth.FormParameters;

/**
 * A token request after client authentication: the parsed form, who sent it, and from where.
 *
 * @param clientAddress the caller's IP address, for the per-address login throttle of the password grant
 *                      (the same address the login page throttles by); null when unknown
 */
public record TokenRequest(FormParameters form, AuthenticatedClient authenticated, String clientAddress) {

    public TokenRequest(FormParameters form, AuthenticatedClient authenticated) {
        this(form, authenticated, null);
    }

    public Client client() {
        return authenticated.client();
    }
}
