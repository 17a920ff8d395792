package dev.tessera.client;

import java.util.List;
import java.util.stream.Stream;

/** The JWS algorithms accepted for client assertions, as advertised in discovery. */
public final class ClientAssertionAlgorithms {
    private ClientAssertionAlgorithms() {
    }

    public static List<String> all() {
        return Stream.concat(ClientAssertionVerifier.ASYMMETRIC.stream(), ClientAssertionVerifier.HMAC.stream())
                .sorted().toList();
    }
}
