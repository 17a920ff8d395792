package dev.tessera.client.auth;

import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.client.ClientAuthenticator;
import dev.tessera.client.ClientSecrets;
import dev.tessera.client.PresentedCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** {@code client_secret_basic}: the secret in an HTTP Basic header (RFC 6749 §2.3.1), the default method. */
@ApplicationScoped
public class ClientSecretBasic extends SharedSecretMethod {

    public ClientSecretBasic() {
    }

    public ClientSecretBasic(ClientSecrets secrets, Clock clock) {
        super(secrets, clock);
    }

    @Override
    public String method() {
        return ClientAuthMethod.CLIENT_SECRET_BASIC;
    }

    @Override
    public void verify(Client client, PresentedCredentials presented) {
        if (!presented.hasBasic()) {
            throw ClientAuthenticator.failed(client, "did not use " + method());
        }
        check(client, presented.basic().secret());
    }
}
