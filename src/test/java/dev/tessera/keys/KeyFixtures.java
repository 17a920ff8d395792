package dev.tessera.keys;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Signing keys for tests outside this package (token issuing and inspection): a {@link KeyRing} with
 * one active key per algorithm, wired by hand from here because its fields are package-private.
 */
public final class KeyFixtures {
    private KeyFixtures() {
    }

    /** A ring whose keys of each algorithm became active a day before the clock's instant. */
    public static KeyRing ring(Clock clock, SigningAlgorithm... algorithms) {
        String[] names = Arrays.stream(algorithms).map(SigningAlgorithm::jwsName).toArray(String[]::new);
        KeyEncryptor encryptor = TestKeys.encryptor(TestKeys.randomSecret());
        List<SigningKey> stored = Arrays.stream(algorithms)
                .map(a -> TestKeys.stored(encryptor, a, clock.instant().minus(Duration.ofDays(1)), null))
                .toList();
        return TestKeys.ring(TestKeys.settings(names), encryptor, clock, stored);
    }

    /** A signer over the given ring. */
    public static JwtSigner signer(KeyRing ring) {
        JwtSigner signer = new JwtSigner();
        signer.ring = ring;
        return signer;
    }
}
