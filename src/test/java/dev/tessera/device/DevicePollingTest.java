package dev.tessera.device;

import static dev.tessera.device.DeviceFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.user.MovingClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 8628 §3.5 polling, driven by a clock the test moves. */
class DevicePollingTest {
    MovingClock clock;
    DevicePolling polling;
    DeviceCode code;

    @BeforeEach
    void setUp() {
        clock = new MovingClock(START);
        polling = new DevicePolling();
        polling.clock = clock;
        code = DeviceFixtures.pending();
    }

    @Test
    void theFirstPollIsNeverTooEarlyAndAnswersPending() {
        assertThat(polling.answer(code)).isEqualTo(PollAnswer.AUTHORIZATION_PENDING);
        assertThat(code.lastPolledAt()).isEqualTo(START);
        assertThat(code.intervalSeconds()).isEqualTo(5);
    }

    @Test
    void pollingWithinTheIntervalAnswersSlowDownAndRaisesTheIntervalByFiveSeconds() {
        polling.answer(code);
        clock.advance(Duration.ofSeconds(1));

        assertThat(polling.answer(code)).isEqualTo(PollAnswer.SLOW_DOWN);
        assertThat(code.intervalSeconds()).isEqualTo(10);
        // "for this and all subsequent requests": the old interval no longer suffices...
        clock.advance(Duration.ofSeconds(6));
        assertThat(polling.answer(code)).isEqualTo(PollAnswer.SLOW_DOWN);
        assertThat(code.intervalSeconds()).isEqualTo(15);
        // ...the new one does, counted from the last poll, and it stays raised.
        clock.advance(Duration.ofSeconds(15));
        assertThat(polling.answer(code)).isEqualTo(PollAnswer.AUTHORIZATION_PENDING);
        assertThat(code.intervalSeconds()).isEqualTo(15);
    }

    @Test
    void waitingExactlyTheIntervalIsEnough() {
        polling.answer(code);
        clock.advance(Duration.ofSeconds(5));

        assertThat(polling.answer(code)).isEqualTo(PollAnswer.AUTHORIZATION_PENDING);
        clock.advance(Duration.ofMillis(4999));
        assertThat(polling.answer(code)).isEqualTo(PollAnswer.SLOW_DOWN);
    }

    @Test
    void anApprovedCodeIsIssuedAtOnceHoweverFastThePoll() {
        polling.answer(code);
        DeviceFixtures.approve(code, clock.instant());

        assertThat(polling.answer(code)).isEqualTo(PollAnswer.ISSUE);
        assertThat(code.intervalSeconds()).isEqualTo(5);
    }

    @Test
    void aDeniedCodeAnswersAccessDeniedEveryTimeWithoutSlowingDown() {
        polling.answer(code);
        DeviceFixtures.deny(code, clock.instant());

        assertThat(polling.answer(code)).isEqualTo(PollAnswer.ACCESS_DENIED);
        assertThat(polling.answer(code)).isEqualTo(PollAnswer.ACCESS_DENIED);
        assertThat(code.intervalSeconds()).isEqualTo(5);
    }

    @Test
    void atTheEndOfItsLifetimeTheCodeHasExpiredWhateverItsState() {
        DeviceFixtures.approve(code, START.plusSeconds(60));
        clock.advance(DeviceFixtures.LIFETIME.minusMillis(1));
        assertThat(polling.answer(code)).isEqualTo(PollAnswer.ISSUE);

        clock.advance(Duration.ofMillis(1));
        assertThat(polling.answer(code)).isEqualTo(PollAnswer.EXPIRED_TOKEN);
        assertThat(polling.answer(DeviceFixtures.pending())).isEqualTo(PollAnswer.EXPIRED_TOKEN);
    }

    @Test
    void aRedeemedCodeIsAReplayEvenAfterItExpired() {
        DeviceFixtures.approve(code, START);
        code.redeemed(START.plusSeconds(1));

        assertThat(polling.answer(code)).isEqualTo(PollAnswer.REDEEMED);
        clock.advance(DeviceFixtures.LIFETIME.multipliedBy(2));
        assertThat(polling.answer(code)).isEqualTo(PollAnswer.REDEEMED);
    }
}
