package dev.tessera.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.PasswordSettings;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Argon2id hashing; small parameters keep it fast, one test runs at the OWASP cost. */
class PasswordHasherTest {
    /** From the reference implementation: {@code echo -n "correct horse battery staple" | argon2 saltsaltsaltsalt -id -t 2 -m 10 -p 1 -l 32 -e}. */
    static final String REFERENCE_SMALL = "$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ";
    /** {@code echo -n "password" | argon2 somesaltsomesalt -id -t 2 -k 19456 -p 1 -l 32 -e}: the OWASP parameters. */
    static final String REFERENCE_OWASP = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE";

    static final PasswordSettings SMALL = new PasswordSettings(8, 64, 1, 1);

    private final PasswordHasher hasher = new PasswordHasher(SMALL);

    @Test
    void hashThenVerifyRoundTripsAndAWrongPasswordFails() {
        String hash = hasher.hash("s3cret passphrase");

        assertThat(hasher.verify("s3cret passphrase", hash)).isTrue();
        assertThat(hasher.verify("s3cret passphrasE", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
        assertThat(hasher.verify(null, hash)).isFalse();
    }

    @Test
    void hashIsAPhcStringWithItsParametersAFreshSaltAnd32Bytes() {
        String hash = hasher.hash("password");

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        String[] parts = hash.split("\\$");
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
        assertThat(hasher.hash("password")).as("a new salt each time").isNotEqualTo(hash);
    }

    @Test
    void verifiesHashesOfTheReferenceImplementationWithTheirOwnParameters() {
        assertThat(hasher.verify("correct horse battery staple", REFERENCE_SMALL)).isTrue();
        assertThat(hasher.verify("correct horse battery stapl", REFERENCE_SMALL)).isFalse();
    }

    @Test
    void owaspParametersHashAndVerifyAndMatchTheReferenceImplementation() {
        PasswordHasher owasp = new PasswordHasher(new PasswordSettings(8, 19456, 2, 1));

        String hash = owasp.hash("password");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(owasp.verify("password", hash)).isTrue();
        assertThat(owasp.verify("password", REFERENCE_OWASP)).isTrue();
        assertThat(owasp.verify("Password", REFERENCE_OWASP)).isFalse();
        assertThat(owasp.needsRehash(hash)).isFalse();
    }

    @Test
    void passwordsAreComparedAfterNfkcNormalization() {
        String composed = "caf\u00e9-\u00e9t\u00e9!";
        String decomposed = "cafe\u0301-e\u0301te\u0301!";

        assertThat(hasher.verify(decomposed, hasher.hash(composed))).isTrue();
    }

    @Test
    void phcParsingReadsEveryParameter() {
        Argon2Phc phc = Argon2Phc.parse(REFERENCE_SMALL).orElseThrow();

        assertThat(phc.version()).isEqualTo(19);
        assertThat(phc.memoryKib()).isEqualTo(1024);
        assertThat(phc.iterations()).isEqualTo(2);
        assertThat(phc.parallelism()).isEqualTo(1);
        assertThat(new String(phc.salt())).isEqualTo("saltsaltsaltsalt");
        assertThat(phc.hash()).hasSize(32);
        assertThat(phc.format()).isEqualTo(REFERENCE_SMALL);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "plain-text-password",
        "$argon2i$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ",
        "$argon2id$v=16$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ",
        "$argon2id$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ",
        "$argon2id$v=19$t=2,m=1024,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ",
        "$argon2id$v=19$m=1024,t=0,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ",
        "$argon2id$v=19$m=4,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ",
        "$argon2id$v=19$m=9999999,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ",
        "$argon2id$v=19$m=1024,t=2,p=1$c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ",
        "$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ",
        "$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ=",
        "$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ$",
        "$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY_00hXKlnXZ-+PCVcJg84nuCQwbjIQ3DVCTomOQ",
        "$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQxy",
    })
    void malformedOrForeignHashesNeverMatchAndAskForARehash(String encoded) {
        assertThat(Argon2Phc.parse(encoded)).isEmpty();
        assertThat(hasher.verify("correct horse battery staple", encoded)).isFalse();
        assertThat(hasher.needsRehash(encoded)).isTrue();
    }

    @Test
    void needsRehashWhenAnyStoredParameterIsBelowTheConfiguredOnes() {
        PasswordHasher configured = new PasswordHasher(new PasswordSettings(8, 128, 2, 2));
        String salt = "c2FsdHNhbHRzYWx0c2FsdA";
        String hash = "RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ";

        assertThat(configured.needsRehash("$argon2id$v=19$m=128,t=2,p=2$" + salt + "$" + hash)).isFalse();
        assertThat(configured.needsRehash("$argon2id$v=19$m=256,t=3,p=4$" + salt + "$" + hash)).as("stronger").isFalse();
        assertThat(configured.needsRehash("$argon2id$v=19$m=64,t=2,p=2$" + salt + "$" + hash)).as("memory").isTrue();
        assertThat(configured.needsRehash("$argon2id$v=19$m=128,t=1,p=2$" + salt + "$" + hash)).as("iterations").isTrue();
        assertThat(configured.needsRehash("$argon2id$v=19$m=128,t=2,p=1$" + salt + "$" + hash)).as("parallelism").isTrue();
        assertThat(configured.needsRehash("$argon2id$v=19$m=128,t=2,p=2$c2FsdHNhbHQ$" + hash)).as("8-byte salt").isTrue();
        assertThat(configured.needsRehash("$argon2id$v=19$m=128,t=2,p=2$" + salt + "$RC5JY/00hXKlnXZ/+PCVcA")).as("16-byte hash").isTrue();
    }

    @Test
    void theDummyVerificationUsesAHashMadeWithTodaysParametersSoItCostsWhatARealOneCosts() {
        java.util.List<String> verified = new java.util.ArrayList<>();
        PasswordHasher recording = new PasswordHasher(SMALL) {
            @Override
            public boolean verify(String password, String encoded) {
                verified.add(encoded);
                return super.verify(password, encoded);
            }
        };

        recording.verifyDummy("guess");
        recording.verifyDummy(null);

        assertThat(verified).hasSize(2).containsOnly(verified.get(0));
        assertThat(verified.get(0)).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(recording.needsRehash(verified.get(0))).isFalse();
    }

    @Test
    void noMoreHashesRunAtOnceThanTheBoundAndReusedMemoryStillGivesTheReferenceHash() throws Exception {
        PasswordSettings owasp = new PasswordSettings(8, 19456, 2, 1);
        Argon2Slots slots = new Argon2Slots(2, owasp.memoryKib(), owasp.parallelism());
        PasswordHasher bounded = new PasswordHasher(owasp, slots);
        int threads = 6;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String password = i % 2 == 0 ? "password" : "Password";
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return bounded.verify(password, REFERENCE_OWASP);
                }));
            }
            for (int i = 0; i < threads; i++) {
                assertThat(results.get(i).get(60, TimeUnit.SECONDS)).as("verification %d", i).isEqualTo(i % 2 == 0);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(slots.peakInFlight()).as("6 verifications started together, 2 slots").isEqualTo(2);
    }

    /** Two hashes at once on two cores cost more CPU each than one after the other (docs/performance.md). */
    @Test
    void oneHashRunsAtOnceForEveryTwoProcessors() {
        assertThat(Argon2Slots.limitFor(1)).isEqualTo(1);
        assertThat(Argon2Slots.limitFor(2)).isEqualTo(1);
        assertThat(Argon2Slots.limitFor(3)).isEqualTo(1);
        assertThat(Argon2Slots.limitFor(8)).isEqualTo(4);
    }
}
