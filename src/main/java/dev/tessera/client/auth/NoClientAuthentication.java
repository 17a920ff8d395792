package dev.tessera.client.auth;

import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.client.ClientAuthentication;
import dev.tessera.client.ClientAuthenticator;
import dev.tessera.client.PresentedCredentials;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code none}: a public client (RFC 6749 §2.1) names itself with {@code client_id} and proves nothing; what
 * protects its grants is PKCE (RFC 9700 §2.1.1) and rotated refresh tokens (§4.14.2). A public client that
 * sends credentials anyway is refused, as a confidential one without credentials is.
 */
@ApplicationScoped
public class NoClientAuthentication implements ClientAuthentication {

    @Override
    public String method() {
        return ClientAuthMethod.NONE;
    }

    @Override
    public boolean confidential() {
        return false;
    }

    @Override
    public void verify(Client client, PresentedCredentials presented) {
        if (presented.hasBasic() || presented.postedSecret().isPresent() || presented.hasAssertion()) {
            throw ClientAuthenticator.failed(client, "is a public client but sent credentials");
        }
    }
}
