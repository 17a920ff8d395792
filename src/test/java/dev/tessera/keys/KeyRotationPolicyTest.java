package dev.tessera.keys;

import static dev.tessera.keys.TestKeys.PRE_PUBLICATION;
import static dev.tessera.keys.TestKeys.RETENTION;
import static dev.tessera.keys.TestKeys.ROTATION;
import static dev.tessera.keys.TestKeys.T0;
import static dev.tessera.keys.TestKeys.timeline;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyRotationPolicyTest {
    private static final Duration MS = Duration.ofMillis(1);
    private final KeyRotationPolicy policy = new KeyRotationPolicy(TestKeys.settings());
    private final Instant periodEnd = T0.plus(ROTATION);
    private final Instant successorDue = periodEnd.minus(PRE_PUBLICATION);
    private final KeyTimeline first = timeline("a", T0, null);

    @Test
    void firstStartCreatesAKeyActiveNow() {
        RotationPlan plan = policy.plan(List.of(), T0);

        assertThat(plan.create()).containsExactly(T0);
        assertThat(plan.retire()).isEmpty();
        assertThat(plan.remove()).isEmpty();
    }

    @Test
    void timesAreTruncatedToWhatTheDatabaseStores() {
        RotationPlan plan = policy.plan(List.of(), T0.plusNanos(123_456_789));

        assertThat(plan.create()).containsExactly(T0.plusMillis(123));
    }

    @Test
    void noSuccessorBeforeThePrePublicationWindow() {
        assertThat(policy.plan(List.of(first), T0).isEmpty()).isTrue();
        assertThat(policy.plan(List.of(first), successorDue.minus(MS)).isEmpty()).isTrue();
    }

    @Test
    void successorIsCreatedWhenTheWindowOpensAndActivatesAtTheEndOfThePeriod() {
        RotationPlan plan = policy.plan(List.of(first), successorDue);

        assertThat(plan.create()).containsExactly(periodEnd);
        assertThat(plan.retire()).isEqualTo(Map.of("a", periodEnd));
        assertThat(plan.remove()).isEmpty();
    }

    @Test
    void aLateCheckStillPublishesTheSuccessorForTheWholePrePublication() {
        Instant late = periodEnd.minus(Duration.ofDays(1));
        RotationPlan plan = policy.plan(List.of(first), late);

        assertThat(plan.create()).containsExactly(late.plus(PRE_PUBLICATION));
        assertThat(plan.retire()).isEqualTo(Map.of("a", late.plus(PRE_PUBLICATION)));

        // Even when the check runs long after the period ended, the current key keeps signing meanwhile.
        Instant veryLate = periodEnd.plus(Duration.ofDays(20));
        assertThat(policy.plan(List.of(first), veryLate).create()).containsExactly(veryLate.plus(PRE_PUBLICATION));
        assertThat(policy.active(List.of(first), veryLate)).contains(first);
    }

    @Test
    void aScheduledSuccessorIsNotCreatedTwice() {
        List<KeyTimeline> keys = List.of(timeline("a", T0, periodEnd), timeline("b", periodEnd, null));

        assertThat(policy.plan(keys, successorDue).isEmpty()).isTrue();
        assertThat(policy.plan(keys, periodEnd.minus(MS)).isEmpty()).isTrue();
    }

    @Test
    void afterActivationTheSuccessorSignsAndTheOldKeyIsRetired() {
        KeyTimeline a = timeline("a", T0, periodEnd);
        KeyTimeline b = timeline("b", periodEnd, null);
        List<KeyTimeline> keys = List.of(a, b);

        assertThat(policy.active(keys, periodEnd.minus(MS))).contains(a);
        assertThat(policy.state(b, periodEnd.minus(MS))).isEqualTo(KeyState.NEXT);

        assertThat(policy.active(keys, periodEnd)).contains(b);
        assertThat(policy.state(a, periodEnd)).isEqualTo(KeyState.RETIRED);
        assertThat(policy.plan(keys, periodEnd).isEmpty()).isTrue();
    }

    @Test
    void aRetiredKeyIsRemovedOnceItsRetentionHasPassed() {
        List<KeyTimeline> keys = List.of(timeline("a", T0, periodEnd), timeline("b", periodEnd, null));
        Instant retentionEnd = periodEnd.plus(RETENTION);

        assertThat(policy.plan(keys, retentionEnd.minus(MS)).remove()).isEmpty();
        RotationPlan plan = policy.plan(keys, retentionEnd);
        assertThat(plan.remove()).containsExactly("a");
        assertThat(plan.create()).isEmpty();
        assertThat(plan.retire()).isEmpty();
    }

    @Test
    void anActiveKeyWithoutRetirementIsRetiredWhenAPendingSuccessorTakesOver() {
        List<KeyTimeline> keys = List.of(first, timeline("b", periodEnd, null));

        RotationPlan plan = policy.plan(keys, T0.plus(Duration.ofDays(25)));

        assertThat(plan.retire()).isEqualTo(Map.of("a", periodEnd));
        assertThat(plan.create()).isEmpty();
    }

    @Test
    void withNoActiveKeyOneIsCreatedAtOnceAndAPendingSuccessorKeepsItsTime() {
        Instant now = T0.plus(Duration.ofDays(5));
        List<KeyTimeline> keys = List.of(timeline("b", now.plus(Duration.ofDays(3)), null));

        RotationPlan plan = policy.plan(keys, now);

        assertThat(plan.create()).containsExactly(now);
        assertThat(plan.retire()).isEmpty();
        assertThat(plan.remove()).isEmpty();
    }

    @Test
    void immediateRotationReplacesTheActiveKeyNowAndDropsUnusedSuccessors() {
        Instant now = T0.plus(Duration.ofDays(10));
        List<KeyTimeline> keys = List.of(
                timeline("removed", T0.minus(Duration.ofDays(90)), T0.minus(Duration.ofDays(60))),
                timeline("retired", T0.minus(ROTATION), T0),
                timeline("active", T0, periodEnd),
                timeline("next", periodEnd, null));

        RotationPlan plan = policy.planImmediate(keys, now);

        assertThat(plan.create()).containsExactly(now);
        assertThat(plan.retire()).isEqualTo(Map.of("active", now));
        assertThat(plan.remove()).containsExactlyInAnyOrder("next", "removed");

        List<KeyTimeline> after = List.of(timeline("retired", T0.minus(ROTATION), T0),
                timeline("active", T0, now), timeline("new", now, null));
        assertThat(policy.active(after, now)).map(KeyTimeline::kid).contains("new");
        assertThat(policy.state(after.get(1), now)).isEqualTo(KeyState.RETIRED);
        assertThat(policy.plan(after, now).isEmpty()).isTrue();
    }

    @Test
    void activeIsTheLatestActivatedKeyThatIsNotRetired() {
        KeyTimeline older = timeline("older", T0, null);
        KeyTimeline newer = timeline("newer", T0.plus(Duration.ofDays(1)), null);

        assertThat(policy.active(List.of(older, newer), T0.plus(Duration.ofDays(2)))).contains(newer);
        assertThat(policy.active(List.of(newer, older), T0.plus(Duration.ofDays(2)))).contains(newer);
        assertThat(policy.active(List.of(older, newer), T0)).contains(older);
        assertThat(policy.active(List.of(timeline("n", periodEnd, null)), T0)).isEmpty();
    }
}
