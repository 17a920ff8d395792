package dev.tessera.keys;

/**
 * Values some package keeps encrypted by {@link KeyEncryptor} (signing keys here, client_secret_jwt secrets in the
 * client package, second factors' secrets): found through CDI, so a change of the key-encryption secret
 * ({@link EncryptionKeyChange}) moves every one of them under the new secret without this package knowing the
 * tables.
 */
public interface SealedAtRest {

    /** What these values are, for the start-up log ("signing keys"). */
    String what();

    /**
     * Re-encrypts, in one transaction, every value an accepted earlier secret encrypted, under the current secret.
     *
     * @return how many values were re-encrypted
     */
    int reseal(KeyEncryptor encryptor);
}
