package dev.tessera.client;

import java.util.List;

/** The JWS algorithms accepted for client assertions, as advertised in discovery. */
public final class ClientAssertionAlgorithms {
    private ClientAssertionAlgorithms() {
    }

    /** The public-key algorithms only: what a key from a JWK Set may verify (RSA, RSA-PSS, ECDSA, EdDSA). */
    public static List<String> asymmetric() {
        return ClientAssertionVerifier.ASYMMETRIC.stream().sorted().toList();
    }
}
