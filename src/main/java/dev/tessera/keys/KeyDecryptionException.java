package dev.tessera.keys;

/** A stored private key could not be decrypted: almost always a changed tessera.keys.encryption-key. */
public class KeyDecryptionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KeyDecryptionException(String kid, String reason) {
        super("Cannot decrypt signing key " + kid + ": " + reason
                + ". Was tessera.keys.encryption-key (TESSERA_KEYS_ENCRYPTION_KEY) changed?");
    }
}
