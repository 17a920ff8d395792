package dev.tessera.client.auth;

import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.client.ClientAuthenticator;
import dev.tessera.client.ClientSecrets;
import dev.tessera.client.PresentedCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** {@code client_secret_post}: {@code client_id} and {@code client_secret} in the form body (RFC 6749 §2.3.1). */
@ApplicationScoped
public class ClientSecretPost extends SharedSecretMethod {

    public ClientSecretPost() {
    }

    public ClientSecretPost(ClientSecrets secrets, Clock clock) {
        super(secrets, clock);
    }

    @Override
    public String method() {
        return ClientAuthMethod.CLIENT_SECRET_POST;
    }

    @Override
    public void verify(Client client, PresentedCredentials presented) {
        check(client, presented.postedSecret().orElseThrow(() -> ClientAuthenticator.failed(client, "did not use " + method())));
    }
}
