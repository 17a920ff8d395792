package dev.tessera.keys;

import static dev.tessera.keys.TestKeys.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyTimelineTest {
    private static final Duration RETENTION = Duration.ofDays(14);
    private static final Duration MS = Duration.ofMillis(1);
    private final Instant activation = T0;
    private final Instant retirement = T0.plus(Duration.ofDays(30));
    private final KeyTimeline retiring = TestKeys.timeline("k", activation, retirement);

    @Test
    void isNextUntilTheActivationInstantAndActiveFromIt() {
        assertThat(retiring.stateAt(activation.minus(MS), RETENTION)).isEqualTo(KeyState.NEXT);
        assertThat(retiring.stateAt(activation, RETENTION)).isEqualTo(KeyState.ACTIVE);
    }

    @Test
    void isActiveUntilTheRetirementInstantAndRetiredFromIt() {
        assertThat(retiring.stateAt(retirement.minus(MS), RETENTION)).isEqualTo(KeyState.ACTIVE);
        assertThat(retiring.stateAt(retirement, RETENTION)).isEqualTo(KeyState.RETIRED);
    }

    @Test
    void isRetiredForTheRetentionAndRemovedFromItsEnd() {
        Instant end = retirement.plus(RETENTION);
        assertThat(retiring.stateAt(end.minus(MS), RETENTION)).isEqualTo(KeyState.RETIRED);
        assertThat(retiring.stateAt(end, RETENTION)).isEqualTo(KeyState.REMOVED);
        assertThat(retiring.stateAt(end.plus(Duration.ofDays(365)), RETENTION)).isEqualTo(KeyState.REMOVED);
    }

    @Test
    void withoutSuccessorStaysActiveForever() {
        KeyTimeline open = TestKeys.timeline("k", activation, null);
        assertThat(open.stateAt(activation.plus(Duration.ofDays(10_000)), RETENTION)).isEqualTo(KeyState.ACTIVE);
        assertThat(open.stateAt(activation.minus(MS), RETENTION)).isEqualTo(KeyState.NEXT);
    }

    @Test
    void onlyRemovedIsUnpublished() {
        assertThat(KeyState.NEXT.published()).isTrue();
        assertThat(KeyState.ACTIVE.published()).isTrue();
        assertThat(KeyState.RETIRED.published()).isTrue();
        assertThat(KeyState.REMOVED.published()).isFalse();
    }
}
