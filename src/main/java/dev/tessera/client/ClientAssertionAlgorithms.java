package dev.tessera.client;

import java.util.List;
import java.util.stream.Stream;

/** The JWS algorithms accepted for client assertions, as advertised in discovery. */
public final class ClientAssertionAlgorithms {
    private ClientAssertionAlgorithms() {
    }

    /** The public-key algorithms only: what a key from a JWK Set may verify (RSA, RSA-PSS, ECDSA, EdDSA). */
    public static List<String> asymmetric() {
        return ClientAssertionVerifier.ASYMMETRIC.stream().sorted().toList();
    }

    public static List<String> all() {
        return Stream.concat(ClientAssertionVerifier.ASYMMETRIC.stream(), ClientAssertionVerifier.HMAC.stream())
                .sorted().toList();
    }
}
