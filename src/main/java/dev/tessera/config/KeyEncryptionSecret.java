package dev.tessera.config;

import java.util.List;

/**
 * The secret from which the key-encryption key for data at rest is derived, and the earlier secrets still
 * accepted for reading while it is being changed (docs/operations.md, rotating the key-encryption key).
 *
 * @param value       the configured passphrase or base64 key: everything is encrypted under it
 * @param development true when no secret was configured and the built-in development value is used;
 *                    start-up then warns loudly, since anyone with the source can decrypt the keys
 * @param accepted    further secrets that decrypt, never encrypt ({@code tessera.keys.accepted-encryption-keys})
 */
public record KeyEncryptionSecret(String value, boolean development, List<String> accepted) {
    private static final String DEVELOPMENT_VALUE = "tessera-development-only-key-encryption-secret";

    public KeyEncryptionSecret {
        accepted = List.copyOf(accepted);
    }

    public KeyEncryptionSecret(String value, boolean development) {
        this(value, development, List.of());
    }

    public static KeyEncryptionSecret developmentDefault() {
        return new KeyEncryptionSecret(DEVELOPMENT_VALUE, true);
    }

    /** The same current secret, with earlier ones accepted for reading. */
    public KeyEncryptionSecret accepting(List<String> earlier) {
        return new KeyEncryptionSecret(value, development, earlier);
    }

    @Override
    public String toString() {
        return (development ? "KeyEncryptionSecret[development" : "KeyEncryptionSecret[configured")
                + (accepted.isEmpty() ? "]" : ", " + accepted.size() + " accepted]");
    }
}
