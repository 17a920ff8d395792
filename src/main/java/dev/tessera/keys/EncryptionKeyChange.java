package dev.tessera.keys;

import dev.tessera.persistence.SchemaMigrated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The second step of changing the key-encryption secret (docs/operations.md): when earlier secrets are still
 * accepted, every value sealed under one of them is re-encrypted under the current secret at start-up, so the
 * earlier secrets can be dropped at the next restart. Several nodes doing it at once is harmless: each writes a
 * value the current secret opens.
 */
@ApplicationScoped
class EncryptionKeyChange {
    private static final Logger LOG = Logger.getLogger(EncryptionKeyChange.class.getName());

    @Inject
    KeyEncryptor encryptor;

    @Inject
    Instance<SealedAtRest> sealed;

    void onSchemaReady(@Observes SchemaMigrated event) {
        if (!encryptor.acceptsEarlierSecrets()) {
            return;
        }
        for (SealedAtRest values : sealed) {
            try {
                int count = values.reseal(encryptor);
                LOG.info(() -> "Key-encryption secret change: " + count + " " + values.what()
                        + " re-encrypted under the current secret");
            } catch (KeyDecryptionException e) {
                // the message names the row, never a secret
                LOG.log(Level.WARNING, "Key-encryption secret change: " + values.what() + " left as they were: "
                        + e.getMessage());
            }
        }
        LOG.info("Key-encryption secret change: once every node runs with the current secret, remove "
                + "tessera.keys.accepted-encryption-keys (TESSERA_KEYS_ACCEPTED_ENCRYPTION_KEYS)");
    }
}
