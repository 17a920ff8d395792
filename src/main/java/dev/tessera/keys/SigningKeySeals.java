package dev.tessera.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The private signing keys, re-encrypted when the key-encryption secret changes. */
@ApplicationScoped
class SigningKeySeals implements SealedAtRest {

    @Inject
    KeyRepository keys;

    @Override
    public String what() {
        return "signing keys";
    }

    @Override
    @Transactional
    public int reseal(KeyEncryptor encryptor) {
        int resealed = 0;
        for (SigningKey key : keys.findAll()) {
            var under = encryptor.reseal(key.kid(), key.encryptedPrivateJwk());
            if (under.isPresent()) {
                key.resealed(under.get());
                resealed++;
            }
        }
        return resealed;
    }
}
