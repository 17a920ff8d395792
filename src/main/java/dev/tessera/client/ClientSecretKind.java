package dev.tessera.client;

/** What Tessera keeps of the secret it issues to a client, as its authentication method needs. */
public enum ClientSecretKind {
    /** The method uses no secret Tessera issued (none, private_key_jwt, certificates). */
    NONE,
    /** Compared with what the client presents: only the SHA-256 is stored. */
    HASHED,
    /** An HMAC is checked with the secret itself (client_secret_jwt): kept encrypted besides the hash. */
    RECOVERABLE
}
