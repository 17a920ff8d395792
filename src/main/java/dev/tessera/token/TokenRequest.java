package dev.tessera.token;

import dev.tessera.client.AuthenticatedClient;
import dev.tessera.client.Client;
import dev.tessera.oauth.FormParameters;

/** A token request after client authentication: the parsed form and who sent it. */
public record TokenRequest(FormParameters form, AuthenticatedClient authenticated) {
    public Client client() {
        return authenticated.client();
    }
}
