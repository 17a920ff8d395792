package dev.tessera.client.auth;

import dev.tessera.client.Client;
import dev.tessera.client.ClientAssertionVerifier;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.client.ClientAuthentication;
import dev.tessera.client.ClientAuthenticator;
import dev.tessera.client.ClientMetadata;
import dev.tessera.client.ClientMetadataPolicy;
import dev.tessera.client.PresentedCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/** {@code private_key_jwt}: an assertion signed with a key the client registered (RFC 7523 §2.2, OpenID Connect Core §9). */
@ApplicationScoped
public class PrivateKeyJwt implements ClientAuthentication {

    @Inject
    ClientAssertionVerifier assertions;

    public PrivateKeyJwt() {
    }

    public PrivateKeyJwt(ClientAssertionVerifier assertions) {
        this.assertions = assertions;
    }

    @Override
    public String method() {
        return ClientAuthMethod.PRIVATE_KEY_JWT;
    }

    @Override
    public Set<String> signingAlgorithms() {
        return ClientAssertionVerifier.ASYMMETRIC;
    }

    @Override
    public void checkMetadata(ClientMetadata metadata) {
        if (metadata.jwks() == null && metadata.jwksUri() == null) {
            throw ClientMetadataPolicy.invalid("private_key_jwt needs jwks or jwks_uri");
        }
    }

    @Override
    public void verify(Client client, PresentedCredentials presented) {
        if (!presented.hasAssertion()) {
            throw ClientAuthenticator.failed(client, "is registered for JWT assertions but sent none");
        }
        assertions.verifyWithKeys(client, presented.assertion(), presented.audiences());
    }
}
