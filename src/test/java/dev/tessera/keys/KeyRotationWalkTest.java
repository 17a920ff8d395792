package dev.tessera.keys;

import static dev.tessera.keys.TestKeys.PRE_PUBLICATION;
import static dev.tessera.keys.TestKeys.RETENTION;
import static dev.tessera.keys.TestKeys.ROTATION;
import static dev.tessera.keys.TestKeys.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks the rotation policy through 200 days the way the scheduler does: a moving "now", the plan of
 * each check applied to an in-memory store, and the invariants asserted at every step.
 */
class KeyRotationWalkTest {
    private static final Instant END = T0.plus(Duration.ofDays(200));

    /** How the checks are spaced, and how late a rotation may therefore happen. */
    record Schedule(String name, UnaryOperator<Instant> next, Duration maxLateness) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Schedule> schedules() {
        Instant outageStart = T0.plus(Duration.ofDays(50));
        Instant outageEnd = T0.plus(Duration.ofDays(62)).plus(Duration.ofMinutes(17));
        return Stream.of(
                new Schedule("every minute", t -> t.plus(Duration.ofMinutes(1)), Duration.ZERO),
                new Schedule("every hour", t -> t.plus(Duration.ofHours(1)), Duration.ZERO),
                new Schedule("every 7h13m", t -> t.plus(Duration.ofMinutes(433)), Duration.ofMinutes(433)),
                new Schedule("hourly with a 12-day outage",
                        t -> !t.isBefore(outageStart) && t.isBefore(outageEnd) ? outageEnd : t.plus(Duration.ofHours(1)),
                        Duration.between(outageStart, outageEnd).plus(PRE_PUBLICATION)));
    }

    private final KeyRotationPolicy policy = new KeyRotationPolicy(TestKeys.settings());
    private final Map<String, KeyTimeline> store = new LinkedHashMap<>();
    private final Map<String, Instant> publishedAt = new HashMap<>();
    private final Map<String, KeyTimeline> history = new LinkedHashMap<>();

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void exactlyOneKeySignsAtEveryCheckAndEverySuccessorIsPublishedInTime(Schedule schedule) {
        for (Instant now = T0; !now.isAfter(END); now = schedule.next().apply(now)) {
            if (!now.equals(T0)) {
                // Successors take over by their timestamps alone, between checks.
                assertThat(activeKids(now)).as("active before the check at %s", now).hasSize(1);
            }
            apply(policy.plan(List.copyOf(store.values()), now), now);

            Instant at = now;
            assertThat(activeKids(now)).as("active after the check at %s", now).hasSize(1);
            assertThat(store.values()).as("at %s", now).noneMatch(k -> policy.state(k, at) == KeyState.REMOVED);
            assertThat(store).as("keys held at %s", now).hasSizeLessThanOrEqualTo(3);
        }

        List<KeyTimeline> signed = history.values().stream()
                .sorted(Comparator.comparing(KeyTimeline::activatesAt)).toList();
        assertThat(signed.get(0).activatesAt()).isEqualTo(T0);
        for (KeyTimeline key : signed.subList(1, signed.size())) {
            assertThat(publishedAt.get(key.kid())).as("%s published", key.kid())
                    .isBeforeOrEqualTo(key.activatesAt().minus(PRE_PUBLICATION));
        }
        for (int i = 0; i + 1 < signed.size(); i++) {
            KeyTimeline key = signed.get(i);
            assertThat(key.retiresAt()).isEqualTo(signed.get(i + 1).activatesAt());
            Duration signing = Duration.between(key.activatesAt(), key.retiresAt());
            assertThat(signing).as("%s signing time", key.kid())
                    .isGreaterThanOrEqualTo(ROTATION)
                    .isLessThanOrEqualTo(ROTATION.plus(schedule.maxLateness()));
        }
        if (schedule.maxLateness().isZero()) {
            assertThat(signed).hasSize(7); // days 0, 30, ..., 180
        } else {
            assertThat(signed).hasSizeGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void twoNodesWithTheSameKeysAgreeOnTheActiveKeyAndThePlanAtEveryInstant() {
        KeyRotationPolicy nodeA = new KeyRotationPolicy(TestKeys.settings(Duration.ofDays(365)));
        KeyRotationPolicy nodeB = new KeyRotationPolicy(TestKeys.settings(Duration.ofDays(365)));
        for (Instant now = T0; !now.isAfter(END); now = now.plus(Duration.ofHours(1))) {
            apply(nodeA.plan(List.copyOf(store.values()), now), now);
        }
        List<KeyTimeline> keysA = List.copyOf(store.values());
        List<KeyTimeline> keysB = new ArrayList<>(keysA);
        Collections.shuffle(keysB, new Random(42));
        assertThat(keysA).hasSize(7);
        assertThat(keysB).isNotEqualTo(keysA);

        List<Instant> instants = new ArrayList<>();
        for (Instant t = T0; !t.isAfter(END); t = t.plus(Duration.ofMinutes(37))) {
            instants.add(t);
        }
        keysA.stream().filter(k -> k.activatesAt().isAfter(T0))
                .forEach(k -> instants.addAll(List.of(k.activatesAt().minusMillis(1), k.activatesAt())));
        for (Instant t : instants) {
            assertThat(nodeA.active(keysA, t)).as("at %s", t).isPresent().isEqualTo(nodeB.active(keysB, t));
            RotationPlan planA = nodeA.plan(keysA, t);
            RotationPlan planB = nodeB.plan(keysB, t);
            assertThat(planA.create()).isEqualTo(planB.create());
            assertThat(planA.retire()).isEqualTo(planB.retire());
            assertThat(new HashSet<>(planA.remove())).isEqualTo(new HashSet<>(planB.remove()));
        }
    }

    private List<String> activeKids(Instant now) {
        return store.values().stream().filter(k -> policy.state(k, now) == KeyState.ACTIVE).map(KeyTimeline::kid).toList();
    }

    /** What {@link KeyRotationTransaction} does to the table, done to the in-memory store. */
    private void apply(RotationPlan plan, Instant now) {
        for (String kid : plan.remove()) {
            KeyTimeline removed = store.remove(kid);
            assertThat(removed.retiresAt()).isNotNull();
            assertThat(now).as("%s removed", kid).isAfterOrEqualTo(removed.retiresAt().plus(RETENTION));
        }
        plan.retire().forEach((kid, when) -> {
            KeyTimeline key = store.get(kid);
            store.put(kid, new KeyTimeline(kid, key.algorithm(), key.activatesAt(), when));
            history.put(kid, store.get(kid));
        });
        for (Instant activation : plan.create()) {
            String kid = "k" + (publishedAt.size() + 1);
            store.put(kid, new KeyTimeline(kid, SigningAlgorithm.ES256, activation, null));
            history.put(kid, store.get(kid));
            publishedAt.put(kid, now);
        }
    }
}
