package dev.tessera.keys;

import dev.tessera.config.KeyEncryptionSecret;
import dev.tessera.config.KeySettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Shared fixtures for the keys tests: settings, encryptors, an in-memory repository and a movable clock. */
final class TestKeys {
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final Duration ROTATION = Duration.ofDays(30);
    static final Duration PRE_PUBLICATION = Duration.ofDays(7);
    static final Duration RETENTION = Duration.ofDays(14);

    private TestKeys() {
    }

    static KeySettings settings(String... algorithms) {
        return settings(RETENTION, algorithms);
    }

    static KeySettings settings(Duration retention, String... algorithms) {
        // RS256 is always enabled (KeySettings requires it, OpenID Connect Core §15.1).
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(Arrays.asList(algorithms));
        names.add("RS256");
        return new KeySettings(List.copyOf(names), 2048, ROTATION, PRE_PUBLICATION, retention,
                Duration.ofMinutes(1), Duration.ofHours(1));
    }

    /** A random 32-byte secret, base64: used directly as the AES key, so no slow PBKDF2 in tests. */
    static String randomSecret() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return java.util.Base64.getEncoder().encodeToString(raw);
    }

    static KeyEncryptor encryptor(String secret) {
        return new KeyEncryptor(new KeyEncryptionSecret(secret, false));
    }

    static KeyTimeline timeline(String kid, Instant activatesAt, Instant retiresAt) {
        return new KeyTimeline(kid, SigningAlgorithm.ES256, activatesAt, retiresAt);
    }

    /** A stored key as {@link KeyRotationTransaction} would create it. */
    static SigningKey stored(KeyEncryptor encryptor, SigningAlgorithm algorithm, Instant activatesAt, Instant retiresAt) {
        SigningKey key = new KeyFactory(settings(), encryptor).create(algorithm, activatesAt, activatesAt);
        if (retiresAt != null) {
            key.retireAt(retiresAt);
        }
        return key;
    }

    /** A key ring wired by hand from the same package, loaded from an in-memory repository. */
    static KeyRing ring(KeySettings settings, KeyEncryptor encryptor, Clock clock, List<SigningKey> stored) {
        KeyRing ring = new KeyRing();
        ring.repository = new FakeKeyRepository(stored);
        ring.encryptor = encryptor;
        ring.settings = settings;
        ring.clock = clock;
        ring.reload();
        return ring;
    }

    /** The repository without a database: the EntityManager stays null and is never touched. */
    static final class FakeKeyRepository extends KeyRepository {
        final List<SigningKey> keys;

        FakeKeyRepository(List<SigningKey> keys) {
            this.keys = new ArrayList<>(keys);
        }

        @Override
        public List<SigningKey> findAll() {
            return keys.stream().sorted(Comparator.comparing(SigningKey::activatesAt)).toList();
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
