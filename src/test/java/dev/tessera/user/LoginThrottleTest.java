package dev.tessera.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.LoginSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Throttling over in-memory counters and a clock the test moves: per username and address (a lock for the
 * lockout), per known device, and the progressive delays account-wide and address-wide that replace locks.
 */
class LoginThrottleTest {
    static final Instant START = Instant.parse("2026-05-01T08:00:00Z");
    static final String ALICE = "alice";
    static final String IP = "192.0.2.10";
    static final String ELSEWHERE = "198.51.100.1";

    private final MovingClock clock = new MovingClock(START);
    private final InMemoryLoginFailures failures = new InMemoryLoginFailures();
    /** 3 per pair, 5 per address, 4 per account; 10 min lockout; delays 1 s doubling up to 8 s. */
    private final LoginThrottle throttle = throttle(3, Duration.ofMinutes(10));

    private LoginThrottle throttle(int maxFailures, Duration lockout) {
        LoginThrottle t = new LoginThrottle();
        t.failures = failures;
        t.settings = new LoginSettings(maxFailures, 5, 4, Duration.ofMinutes(15), lockout, Duration.ofSeconds(1),
                Duration.ofSeconds(8), Duration.ofDays(90));
        t.clock = clock;
        return t;
    }

    /** What the directory does: a refused attempt is not checked and counts nothing. */
    private void attempt(String username, String address, String device, int times) {
        for (int i = 0; i < times; i++) {
            if (throttle.check(username, address, device).refusedUntil().isEmpty()) {
                throttle.failed(username, address, device);
            }
        }
    }

    @Test
    void anAttackerFailing100TimesIsThrottledWhileTheVictimElsewhereOrOnAKnownDeviceIsNot() {
        attempt(ALICE, IP, null, 100);

        assertThat(throttle.check(ALICE, IP, null).refusedUntil()).as("the attacker").contains(START.plus(Duration.ofMinutes(10)));
        assertThat(throttle.check(ALICE, ELSEWHERE, null).refusedUntil()).as("the victim from another address").isEmpty();
        assertThat(throttle.check(ALICE, IP, "victims-laptop").refusedUntil()).as("the victim behind the same NAT, known device").isEmpty();
        assertThat(throttle.check("bob", IP, null).refusedUntil()).as("the attacker's colleagues").isEmpty();
    }

    @Test
    void thePairLockEndsAfterTheLockoutAndAFreshWindowCountsAfresh() {
        attempt(ALICE, IP, null, 2);
        clock.advance(Duration.ofMinutes(15));
        attempt(ALICE, IP, null, 2);
        assertThat(throttle.check(ALICE, IP, null).refusedUntil()).as("2 + 2 in two windows").isEmpty();

        attempt(ALICE, IP, null, 1);
        assertThat(throttle.check(ALICE, IP, null).refusedUntil()).isPresent();
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.check(ALICE, IP, null).refusedUntil()).isEmpty();
    }

    @Test
    void guessingFromManyAddressesDelaysTheAccountProgressivelyButNeverLocksIt() {
        for (int i = 1; i <= 4; i++) {
            attempt(ALICE, "203.0.113." + i, null, 1);
        }
        assertThat(throttle.check(ALICE, ELSEWHERE, null).refusedUntil()).as("4th failure: 1 s").contains(START.plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.check(ALICE, ELSEWHERE, null).refusedUntil()).isEmpty();

        attempt(ALICE, "203.0.113.5", null, 1);
        assertThat(throttle.check(ALICE, ELSEWHERE, null).refusedUntil()).as("5th: 2 s").contains(START.plusSeconds(3));
        for (int i = 6; i <= 12; i++) {
            clock.advance(Duration.ofSeconds(8));
            attempt(ALICE, "203.0.113." + i, null, 1);
        }
        assertThat(throttle.check(ALICE, ELSEWHERE, null).refusedUntil()).as("capped at 8 s").contains(clock.instant().plusSeconds(8));
        assertThat(throttle.check(ALICE, ELSEWHERE, "known").refusedUntil()).as("a known device does not wait").isEmpty();
    }

    @Test
    void sprayingFromOneAddressDelaysThatAddressExceptForKnownDevices() {
        for (int i = 0; i < 5; i++) {
            attempt("user" + i, IP, null, 1);
        }

        assertThat(throttle.check("anyone", IP, null).refusedUntil()).contains(START.plusSeconds(1));
        assertThat(throttle.check("anyone", " " + IP + " ", null).refusedUntil()).as("the same address").isPresent();
        assertThat(throttle.check("anyone", IP, "known").refusedUntil()).isEmpty();
        assertThat(throttle.check("anyone", ELSEWHERE, null).refusedUntil()).isEmpty();
    }

    @Test
    void failuresWithAKnownDeviceCountForThatDeviceOnly() {
        attempt(ALICE, IP, "laptop", 10);

        assertThat(throttle.check(ALICE, IP, "laptop").refusedUntil()).contains(START.plus(Duration.ofMinutes(10)));
        assertThat(throttle.check(ALICE, IP, "phone").refusedUntil()).isEmpty();
        assertThat(throttle.check(ALICE, IP, null).refusedUntil()).as("no account-wide or pair count").isEmpty();
    }

    @Test
    void successAndUnlockClearTheUsernamesCountersButNotTheAddresss() {
        attempt(ALICE, IP, null, 3);
        attempt(ALICE, IP, "laptop", 3);
        attempt("bob", IP, null, 1);
        throttle.unlock(ALICE);

        assertThat(throttle.check(ALICE, IP, null).refusedUntil()).isEmpty();
        assertThat(throttle.check(ALICE, IP, "laptop").refusedUntil()).isEmpty();
        assertThat(failures.find(LoginThrottle.addressKey(IP).orElseThrow()).orElseThrow().failures()).as("address count kept").isEqualTo(4);
        assertThat(failures.rows.keySet()).as("bob's pair kept").contains(LoginThrottle.pairKey("bob", LoginThrottle.addressKey(IP).orElseThrow()));
    }

    @Test
    void aSuccessElsewhereLeavesTheGuessersPairThrottled() {
        attempt(ALICE, IP, null, 3);
        throttle.succeeded(ALICE, ELSEWHERE, null, throttle.check(ALICE, ELSEWHERE, null));

        assertThat(throttle.check(ALICE, IP, null).refusedUntil()).isPresent();
        throttle.succeeded(ALICE, IP, "known", throttle.check(ALICE, IP, "known"));
        assertThat(throttle.check(ALICE, IP, null).refusedUntil()).as("a known device at the guesser's address").isPresent();
        throttle.succeeded(ALICE, IP, null, throttle.check(ALICE, IP, null));
        assertThat(throttle.check(ALICE, IP, null).refusedUntil()).isEmpty();
    }

    @Test
    void aSuccessWithoutFailuresDeletesNothingAndOneAfterFailuresDeletesWhatItFound() {
        throttle.succeeded(ALICE, IP, null, throttle.check(ALICE, IP, null));
        assertThat(failures.clears).as("no counter, no delete").isZero();

        attempt(ALICE, IP, null, 1);
        LoginThrottle.Check check = throttle.check(ALICE, IP, null);
        assertThat(check.absent()).isEmpty();
        throttle.succeeded(ALICE, IP, null, check);
        assertThat(failures.clears).as("the account's and the pair's counters").isEqualTo(2);
        assertThat(failures.rows.keySet()).containsExactly(LoginThrottle.addressKey(IP).orElseThrow());

        throttle.succeeded(ALICE, IP, "laptop", throttle.check(ALICE, IP, "laptop"));
        assertThat(failures.clears).as("on a known device the check reads only the device's counter (absent), "
                + "so the account's is deleted unread").isEqualTo(3);
    }

    @Test
    void withoutAClientAddressOnlyTheUsernameCounts() {
        attempt(ALICE, null, null, 3);
        attempt("bob", "", null, 1);

        assertThat(failures.rows).hasSize(2);
        assertThat(throttle.check(ALICE, null, null).refusedUntil()).isEmpty();
    }

    @Test
    void aRowExpiresWhenBothItsWindowAndItsLockAreOver() {
        LoginThrottle longLock = throttle(1, Duration.ofHours(1));
        longLock.failed(ALICE, IP, null);

        String pair = LoginThrottle.pairKey(ALICE, LoginThrottle.addressKey(IP).orElseThrow());
        assertThat(failures.find(pair).orElseThrow().expiresAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(failures.find(LoginThrottle.accountKey(ALICE)).orElseThrow().expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(15)));
    }

    @Test
    void keysAreHashesNeverTheUsernameOrAddressInClear() {
        attempt(ALICE, IP, null, 1);
        attempt(ALICE, IP, "laptop", 1);

        assertThat(failures.rows.keySet()).hasSize(4)
                .allSatisfy(k -> assertThat(k).matches("[0-9a-f]{64}").doesNotContain(ALICE));
        assertThat(LoginThrottle.accountKey(ALICE)).isNotEqualTo(LoginThrottle.addressKey(ALICE).orElseThrow());
    }
}
