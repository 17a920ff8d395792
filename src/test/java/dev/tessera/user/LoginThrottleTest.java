package dev.tessera.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.LoginSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Throttling per username and per address over in-memory counters and a clock the test moves. */
class LoginThrottleTest {
    static final Instant START = Instant.parse("2026-05-01T08:00:00Z");
    static final String ALICE = "alice";
    static final String IP = "192.0.2.10";

    private final MovingClock clock = new MovingClock(START);
    private final InMemoryLoginFailures failures = new InMemoryLoginFailures();
    private final LoginThrottle throttle = throttle(new LoginSettings(3, 5, Duration.ofMinutes(15), Duration.ofMinutes(10)));

    private LoginThrottle throttle(LoginSettings settings) {
        LoginThrottle t = new LoginThrottle();
        t.failures = failures;
        t.settings = settings;
        t.clock = clock;
        return t;
    }

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address);
        }
    }

    @Test
    void locksTheUsernameAtTheNthFailureWithinTheWindowForTheLockout() {
        fail(ALICE, IP, 2);
        assertThat(throttle.lockedUntil(ALICE, IP)).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        fail(ALICE, IP, 1);

        assertThat(throttle.lockedUntil(ALICE, "198.51.100.1")).contains(START.plus(Duration.ofMinutes(15)));
        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(throttle.lockedUntil(ALICE, null)).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.lockedUntil(ALICE, null)).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowStartAFreshCount() {
        fail(ALICE, IP, 2);
        clock.advance(Duration.ofMinutes(15));
        fail(ALICE, IP, 2);

        assertThat(throttle.lockedUntil(ALICE, IP)).isEmpty();
        assertThat(failures.find(LoginThrottle.accountKey(ALICE)).orElseThrow().failures()).isEqualTo(2);
    }

    @Test
    void successClearsTheUsernamesCountButNotTheAddresss() {
        fail(ALICE, IP, 2);
        throttle.succeeded(ALICE);
        fail(ALICE, IP, 2);
        assertThat(throttle.lockedUntil(ALICE, null)).isEmpty();

        fail("bob", IP, 1);
        assertThat(throttle.lockedUntil("carol", IP)).as("5 failures from the address, whoever they were for")
                .contains(START.plus(Duration.ofMinutes(10)));
        assertThat(throttle.lockedUntil("carol", "198.51.100.1")).isEmpty();
    }

    @Test
    void addressesAreThrottledOnTheirOwnLimitAcrossUsernames() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("user" + i, IP);
        }
        assertThat(throttle.lockedUntil("anyone", IP)).isEmpty();

        throttle.failed("user4", IP);

        assertThat(throttle.lockedUntil("anyone", IP)).isPresent();
        assertThat(throttle.lockedUntil("anyone", " " + IP + " ")).as("the same address").isPresent();
    }

    @Test
    void withoutAClientAddressOnlyTheUsernameCounts() {
        fail(ALICE, null, 3);
        fail("bob", "", 1);

        assertThat(throttle.lockedUntil(ALICE, null)).isPresent();
        assertThat(failures.rows).hasSize(2);
    }

    @Test
    void theLaterOfTwoLocksIsReported() {
        fail("bob", IP, 5);
        clock.advance(Duration.ofMinutes(2));
        fail(ALICE, "198.51.100.1", 3);

        assertThat(throttle.lockedUntil(ALICE, IP)).contains(START.plus(Duration.ofMinutes(12)));
        assertThat(throttle.lockedUntil("bob", "198.51.100.1")).contains(START.plus(Duration.ofMinutes(10)));
    }

    @Test
    void aRowExpiresWhenBothItsWindowAndItsLockAreOver() {
        LoginThrottle longLock = throttle(new LoginSettings(1, 5, Duration.ofMinutes(15), Duration.ofHours(1)));
        longLock.failed(ALICE, null);

        LoginFailure row = failures.find(LoginThrottle.accountKey(ALICE)).orElseThrow();
        assertThat(row.expiresAt()).isEqualTo(START.plus(Duration.ofHours(1)));

        LoginThrottle shortLock = throttle(new LoginSettings(3, 5, Duration.ofMinutes(15), Duration.ofMinutes(1)));
        shortLock.failed("bob", null);
        assertThat(failures.find(LoginThrottle.accountKey("bob")).orElseThrow().expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(15)));
    }

    @Test
    void keysAreHashesNeverTheUsernameOrAddressInClear() {
        fail(ALICE, IP, 1);

        assertThat(failures.rows.keySet()).allSatisfy(k -> assertThat(k).matches("[0-9a-f]{64}").doesNotContain(ALICE));
        assertThat(LoginThrottle.accountKey(ALICE)).isNotEqualTo(LoginThrottle.addressKey(ALICE).orElseThrow());
    }
}
