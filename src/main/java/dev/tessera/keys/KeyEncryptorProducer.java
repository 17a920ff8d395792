package dev.tessera.keys;

import dev.tessera.config.KeyEncryptionSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One encryptor per application: deriving the key-encryption key is deliberately slow. */
@ApplicationScoped
class KeyEncryptorProducer {

    @Produces
    @Singleton
    KeyEncryptor encryptor(KeyEncryptionSecret secret) {
        return new KeyEncryptor(secret);
    }
}
