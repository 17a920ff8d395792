package dev.tessera.client;

import dev.tessera.keys.KeyEncryptor;
import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Client secrets: generated with 256 bits, shown once, stored as SHA-256 and compared in constant time.
 * For client_secret_jwt the secret is also kept encrypted with the key-encryption key, because an HMAC
 * can only be checked with the secret itself.
 */
@ApplicationScoped
public class ClientSecrets {
    private static final int SECRET_BYTES = 32;

    @Inject
    KeyEncryptor encryptor;

    @Inject
    ClientAuthentications methods;

    public ClientSecrets() {
    }

    /** For tests: wired by hand. */
    public ClientSecrets(KeyEncryptor encryptor, ClientAuthentications methods) {
        this.encryptor = encryptor;
        this.methods = methods;
    }

    /** A new secret for the client; the clear value is returned for the caller to show once. */
    public String issue(Client client) {
        String secret = Secrets.random(SECRET_BYTES);
        assign(client, secret);
        return secret;
    }

    /** Sets a given secret (the bootstrap admin secret from config). */
    public void assign(Client client, String secret) {
        String encrypted = methods.secretOf(client.authMethod()) == ClientSecretKind.RECOVERABLE
                ? encryptor.encrypt(aad(client), secret) : null;
        client.secret(Secrets.sha256Hex(secret), encrypted, null);
    }

    public boolean matches(Client client, String presented) {
        return client.secretHash() != null && Secrets.constantTimeEquals(client.secretHash(), Secrets.sha256Hex(presented));
    }

    /** Whether the client's method uses a secret Tessera issues. */
    public boolean usesSecret(Client client) {
        return methods.secretOf(client.authMethod()) != ClientSecretKind.NONE;
    }

    public Optional<String> clearSecretOf(Client client) {
        return Optional.ofNullable(client.encryptedSecret()).map(e -> encryptor.decrypt(aad(client), e));
    }

    static String aad(Client client) {
        return "client-secret:" + client.clientId();
    }
}
