package dev.tessera.client.auth;

import dev.tessera.client.Client;
import dev.tessera.client.ClientAssertionVerifier;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.client.ClientAuthentication;
import dev.tessera.client.ClientAuthenticator;
import dev.tessera.client.ClientSecretKind;
import dev.tessera.client.PresentedCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * {@code client_secret_jwt}: an assertion MACed with the client's secret (OpenID Connect Core §9). The secret
 * must be kept recoverable (encrypted), since an HMAC is checked with the secret itself.
 */
@ApplicationScoped
public class ClientSecretJwt implements ClientAuthentication {

    @Inject
    ClientAssertionVerifier assertions;

    public ClientSecretJwt() {
    }

    public ClientSecretJwt(ClientAssertionVerifier assertions) {
        this.assertions = assertions;
    }

    @Override
    public String method() {
        return ClientAuthMethod.CLIENT_SECRET_JWT;
    }

    @Override
    public ClientSecretKind secret() {
        return ClientSecretKind.RECOVERABLE;
    }

    @Override
    public Set<String> signingAlgorithms() {
        return ClientAssertionVerifier.HMAC;
    }

    @Override
    public void verify(Client client, PresentedCredentials presented) {
        if (!presented.hasAssertion()) {
            throw ClientAuthenticator.failed(client, "is registered for JWT assertions but sent none");
        }
        assertions.verifyWithSecret(client, presented.assertion(), presented.audiences());
    }
}
