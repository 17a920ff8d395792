package dev.tessera.keys;

import org.jose4j.jwk.PublicJsonWebKey;

/** A key as held in memory: its timeline and the decrypted JWK ready to sign with. */
public record LoadedKey(KeyTimeline timeline, PublicJsonWebKey jwk) {

    public String kid() {
        return timeline.kid();
    }

    public SigningAlgorithm algorithm() {
        return timeline.algorithm();
    }
}
