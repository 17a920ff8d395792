package dev.tessera.client;

import dev.tessera.keys.KeyEncryptor;
import dev.tessera.keys.SealedAtRest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The client_secret_jwt secrets, re-encrypted when the key-encryption secret changes. */
@ApplicationScoped
class ClientSecretSeals implements SealedAtRest {

    @Inject
    ClientRepository clients;

    @Override
    public String what() {
        return "client secrets";
    }

    @Override
    @Transactional
    public int reseal(KeyEncryptor encryptor) {
        int resealed = 0;
        for (Client client : clients.withEncryptedSecrets()) {
            var under = encryptor.reseal(ClientSecrets.aad(client), client.encryptedSecret());
            if (under.isPresent()) {
                client.secret(client.secretHash(), under.get(), client.secretExpiresAt());
                resealed++;
            }
        }
        return resealed;
    }
}
