package dev.tessera.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.DeviceSettings;
import dev.tessera.user.LoginFailure;
import dev.tessera.user.LoginFailures;
import dev.tessera.user.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wrong user codes are limited per session and per address, within a window (RFC 8628 §5.1). */
class UserCodeThrottleTest {
    static final DeviceSettings SETTINGS = new DeviceSettings(Duration.ofMinutes(10), Duration.ofSeconds(5), 5, 20, Duration.ofMinutes(15));

    final MovingClock clock = new MovingClock(DeviceFixtures.START);
    final InMemoryFailures failures = new InMemoryFailures();
    final UserCodeThrottle throttle = new UserCodeThrottle();

    @BeforeEach
    void wire() {
        throttle.failures = failures;
        throttle.settings = SETTINGS;
        throttle.clock = clock;
    }

    @Test
    void fiveWrongCodesLockTheSessionButNotTheAddressForOthers() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("session-a", "192.0.2.1");
            assertThat(throttle.locked("session-a", "192.0.2.1")).as("after %d", i + 1).isFalse();
        }
        throttle.failed("session-a", "192.0.2.1");

        assertThat(throttle.locked("session-a", "192.0.2.1")).isTrue();
        assertThat(throttle.locked("session-b", "192.0.2.1")).isFalse();
    }

    @Test
    void aGuesserChangingSessionsIsStoppedByTheAddressLimit() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.locked("session-" + i, "192.0.2.1")).isFalse();
            throttle.failed("session-" + i, "192.0.2.1");
        }

        assertThat(throttle.locked("fresh-session", "192.0.2.1")).isTrue();
        assertThat(throttle.locked("fresh-session", "198.51.100.7")).isFalse();
    }

    @Test
    void theLockEndsWithTheWindow() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("session-a", "192.0.2.1");
        }
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(throttle.locked("session-a", "192.0.2.1")).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.locked("session-a", "192.0.2.1")).isFalse();
    }

    @Test
    void keysAreHashedAndApartFromLoginFailures() {
        throttle.failed("session-a", "192.0.2.1");

        assertThat(failures.rows.keySet()).hasSize(2).allSatisfy(k -> assertThat(k).matches("[0-9a-f]{64}"))
                .doesNotContain(dev.tessera.oauth.Secrets.sha256Hex("address:192.0.2.1"));
    }

    /** Failure counters in a map, with the create-then-change semantics of the database. */
    static final class InMemoryFailures extends LoginFailures {
        final Map<String, LoginFailure> rows = new HashMap<>();

        @Override
        public Optional<LoginFailure> find(String keyHash) {
            return Optional.ofNullable(rows.get(keyHash));
        }

        @Override
        public void update(String keyHash, Instant now, Consumer<LoginFailure> change) {
            change.accept(rows.computeIfAbsent(keyHash, k -> new LoginFailure(k, now)));
        }
    }
}
