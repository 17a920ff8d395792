package dev.tessera.config;

/**
 * The secret from which the key-encryption key for signing keys at rest is derived.
 *
 * @param value       the configured passphrase or base64 key
 * @param development true when no secret was configured and the built-in development value is used;
 *                    start-up then warns loudly, since anyone with the source can decrypt the keys
 */
public record KeyEncryptionSecret(String value, boolean development) {
    private static final String DEVELOPMENT_VALUE = "tessera-development-only-key-encryption-secret";

    public static KeyEncryptionSecret developmentDefault() {
        return new KeyEncryptionSecret(DEVELOPMENT_VALUE, true);
    }

    @Override
    public String toString() {
        return development ? "KeyEncryptionSecret[development]" : "KeyEncryptionSecret[configured]";
    }
}
