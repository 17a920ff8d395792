package dev.tessera.client.auth;

import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthentication;
import dev.tessera.client.ClientAuthenticator;
import dev.tessera.client.ClientSecretKind;
import dev.tessera.client.ClientSecrets;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * What the two methods that send the secret itself share (RFC 6749 §2.3.1): only its SHA-256 is kept, the
 * comparison is in constant time, and an expired secret (RFC 7591 §3.2.1 {@code client_secret_expires_at}) is refused.
 */
abstract class SharedSecretMethod implements ClientAuthentication {

    @Inject
    ClientSecrets secrets;

    @Inject
    Clock clock;

    SharedSecretMethod() {
    }

    SharedSecretMethod(ClientSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public ClientSecretKind secret() {
        return ClientSecretKind.HASHED;
    }

    final void check(Client client, String presented) {
        if (!secrets.matches(client, presented)) {
            throw ClientAuthenticator.failed(client, "failed " + method());
        }
        if (client.secretExpiresAt() != null && client.secretExpiresAt().isBefore(clock.instant())) {
            throw new OAuthException(OAuthError.INVALID_CLIENT, "The client secret has expired");
        }
    }
}
