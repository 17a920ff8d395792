package dev.tessera.keys;

import static dev.tessera.keys.TestKeys.RETENTION;
import static dev.tessera.keys.TestKeys.ROTATION;
import static dev.tessera.keys.TestKeys.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.cluster.CacheInvalidated;
import dev.tessera.config.KeySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyRingTest {
    private static final Logger RING_LOG = Logger.getLogger(KeyRing.class.getName());
    private static final SigningAlgorithm ES = SigningAlgorithm.ES256;
    private final KeySettings settings = TestKeys.settings("ES256", "EdDSA");
    private final KeyEncryptor encryptor = TestKeys.encryptor(TestKeys.randomSecret());
    private final Instant second = T0.plus(ROTATION);
    private final Instant third = second.plus(ROTATION);

    // Removed, retired, active and next ES256 keys at `now`, plus an active EdDSA key.
    private final Instant now = second.plus(RETENTION).minus(Duration.ofDays(1));
    private final SigningKey removed = TestKeys.stored(encryptor, ES, T0.minus(ROTATION), T0);
    private final SigningKey retired = TestKeys.stored(encryptor, ES, T0, second);
    private final SigningKey active = TestKeys.stored(encryptor, ES, second, third);
    private final SigningKey next = TestKeys.stored(encryptor, ES, third, null);
    private final SigningKey eddsa = TestKeys.stored(encryptor, SigningAlgorithm.EDDSA, T0, null);
    private final List<SigningKey> all = List.of(removed, retired, active, next, eddsa);

    @BeforeEach
    void quietLog() {
        RING_LOG.setLevel(Level.OFF); // decryption failures are logged as SEVERE on purpose
    }

    @AfterEach
    void restoreLog() {
        RING_LOG.setLevel(null);
    }

    @Test
    void publishesNextActiveAndRetiredKeysButNotRemovedOnes() {
        KeyRing ring = TestKeys.ring(settings, encryptor, fixed(now), all);

        assertThat(ring.published()).extracting(LoadedKey::kid)
                .containsExactlyInAnyOrder(eddsa.kid(), retired.kid(), active.kid(), next.kid());
        assertThat(ring.published()).extracting(k -> k.timeline().activatesAt()).isSorted();
        assertThat(ring.byKid(removed.kid())).isPresent()
                .get().extracting(ring::stateOf).isEqualTo(KeyState.REMOVED);
        assertThat(ring.loadFailure()).isEmpty();
    }

    @Test
    void publishedKeysCarryTheDecryptedPrivatePart() {
        KeyRing ring = TestKeys.ring(settings, encryptor, fixed(now), all);

        assertThat(ring.published()).allSatisfy(k -> assertThat(k.jwk().getPrivateKey()).isNotNull());
    }

    @Test
    void activeIsTheKeyOfThatAlgorithmThatSignsAtTheClocksInstant() {
        KeyRing ring = TestKeys.ring(settings, encryptor, fixed(now), all);

        assertThat(ring.active(ES)).map(LoadedKey::kid).contains(active.kid());
        assertThat(ring.active(SigningAlgorithm.EDDSA)).map(LoadedKey::kid).contains(eddsa.kid());
        assertThat(ring.active(SigningAlgorithm.RS256)).isEmpty();
        assertThat(ring.stateOf(ring.byKid(next.kid()).orElseThrow())).isEqualTo(KeyState.NEXT);
    }

    @Test
    void theSuccessorTakesOverWhenTheClockPassesItsActivationWithoutAReload() {
        TestKeys.MutableClock clock = new TestKeys.MutableClock(third.minusMillis(1));
        KeyRing ring = TestKeys.ring(settings, encryptor, clock, all);
        assertThat(ring.active(ES)).map(LoadedKey::kid).contains(active.kid());

        clock.set(third);

        assertThat(ring.active(ES)).map(LoadedKey::kid).contains(next.kid());
        assertThat(ring.stateOf(ring.byKid(active.kid()).orElseThrow())).isEqualTo(KeyState.RETIRED);
    }

    @Test
    void aKeySetReloadedAtTheSameInstantIsSeenByTheNextToken() {
        KeyRing ring = TestKeys.ring(settings, encryptor, fixed(now), List.of(active));
        assertThat(ring.active(ES)).map(LoadedKey::kid).contains(active.kid());

        // "Rotate now": the active key retires at this instant and its successor activates at it.
        SigningKey retiredNow = TestKeys.stored(encryptor, ES, second, now);
        SigningKey successor = TestKeys.stored(encryptor, ES, now, null);
        TestKeys.FakeKeyRepository repository = (TestKeys.FakeKeyRepository) ring.repository;
        repository.keys.clear();
        repository.keys.addAll(List.of(retiredNow, successor));
        ring.reload();

        assertThat(ring.active(ES)).map(LoadedKey::kid).contains(successor.kid());
    }

    @Test
    void aClockSetBackGetsTheKeyOfThatInstantNotTheOneDecidedLater() {
        TestKeys.MutableClock clock = new TestKeys.MutableClock(third);
        KeyRing ring = TestKeys.ring(settings, encryptor, clock, all);
        assertThat(ring.active(ES)).map(LoadedKey::kid).contains(next.kid());

        clock.set(third.minusMillis(1));

        assertThat(ring.active(ES)).map(LoadedKey::kid).contains(active.kid());
    }

    @Test
    void twoNodesLoadingTheSameKeysInAnotherOrderAgree() {
        List<SigningKey> shuffled = new ArrayList<>(all);
        Collections.reverse(shuffled);
        TestKeys.MutableClock clock = new TestKeys.MutableClock(T0);
        KeyRing nodeA = TestKeys.ring(settings, encryptor, clock, all);
        KeyRing nodeB = TestKeys.ring(settings, encryptor, clock, shuffled);

        for (Instant t = T0; t.isBefore(third.plus(ROTATION)); t = t.plus(Duration.ofHours(6))) {
            clock.set(t);
            assertThat(nodeA.active(ES).map(LoadedKey::kid)).as("at %s", t).isPresent()
                    .isEqualTo(nodeB.active(ES).map(LoadedKey::kid));
            assertThat(nodeA.published()).extracting(LoadedKey::kid)
                    .isEqualTo(nodeB.published().stream().map(LoadedKey::kid).toList());
        }
    }

    @Test
    void aKeyEncryptedWithAnotherSecretIsReportedAndNotLoaded() {
        SigningKey foreign = TestKeys.stored(TestKeys.encryptor(TestKeys.randomSecret()), ES, second, null);

        KeyRing ring = TestKeys.ring(settings, encryptor, fixed(now), List.of(retired, foreign));

        assertThat(ring.byKid(foreign.kid())).isEmpty();
        assertThat(ring.byKid(retired.kid())).isPresent();
        assertThat(ring.active(ES)).isEmpty();
        assertThat(ring.loadFailure()).get().asString().contains(foreign.kid());
    }

    @Test
    void aCorruptStoredKeyIsReportedAndTheOthersStillLoad() {
        SigningKey corrupt = new SigningKey("es256-corrupt", ES, active.publicJwk(), "v1.#not-base64#", second, second);

        KeyRing ring = TestKeys.ring(settings, encryptor, fixed(now), List.of(corrupt, eddsa));

        assertThat(ring.byKid(eddsa.kid())).isPresent();
        assertThat(ring.loadFailure()).get().asString().contains("es256-corrupt");
    }

    @Test
    void aReloadPicksUpNewKeysAndClearsAnEarlierFailure() {
        SigningKey foreign = TestKeys.stored(TestKeys.encryptor(TestKeys.randomSecret()), ES, second, null);
        KeyRing ring = TestKeys.ring(settings, encryptor, fixed(now), List.of(foreign));
        assertThat(ring.loadFailure()).isPresent();

        TestKeys.FakeKeyRepository repository = (TestKeys.FakeKeyRepository) ring.repository;
        repository.keys.remove(foreign);
        repository.keys.add(active);
        ring.reload();

        assertThat(ring.loadFailure()).isEmpty();
        assertThat(ring.active(ES)).map(LoadedKey::kid).contains(active.kid());
    }

    /**
     * Issue 25 point 4: the invalidation observer runs inside the committing transaction's afterCompletion, where
     * a database read fails (closed EntityManager). It must not read; the next use of the ring does.
     */
    @Test
    void anInvalidationReadsNothingUntilTheRingIsNextUsed() {
        KeyRing ring = TestKeys.ring(settings, encryptor, fixed(now), List.of(retired));
        AtomicInteger reads = new AtomicInteger();
        List<SigningKey> stored = new ArrayList<>(List.of(retired, active));
        TestKeys.FakeKeyRepository database = new TestKeys.FakeKeyRepository(stored);
        ring.repository = new KeyRepository() {
            @Override
            public List<SigningKey> findAll() {
                reads.incrementAndGet();
                return database.findAll();
            }
        };

        ring.invalidated(new CacheInvalidated(CacheInvalidated.KEYS, "ES256"));
        assertThat(reads).as("no database work inside afterCompletion").hasValue(0);

        assertThat(ring.active(ES)).map(LoadedKey::kid).contains(active.kid());
        assertThat(ring.byKid(active.kid())).isPresent();
        assertThat(reads).as("reloaded once, by the first reader").hasValue(1);
    }

    private static Clock fixed(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
