package dev.tessera.keys;

import dev.tessera.config.KeySettings;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rotation rules, as a pure function of the keys of one algorithm and the time. No database, no
 * clock of its own: unit tests walk it through months in a few lines.
 *
 * <ul>
 *   <li>No key at all: create one that signs at once (first start).</li>
 *   <li>The active key is within {@code pre-publication} of the end of its period and has no successor:
 *       create the successor, activating no sooner than {@code pre-publication} from now, so verifiers
 *       with a cached JWKS (max-age shorter than that window) know it before it signs.</li>
 *   <li>A retired key past {@code retention}: remove it.</li>
 * </ul>
 */
public final class KeyRotationPolicy {
    private final KeySettings settings;

    public KeyRotationPolicy(KeySettings settings) {
        this.settings = settings;
    }

    public RotationPlan plan(List<KeyTimeline> keys, Instant clockNow) {
        Instant now = clockNow.truncatedTo(ChronoUnit.MILLIS);
        List<Instant> create = new ArrayList<>();
        Map<String, Instant> retire = new HashMap<>();
        List<String> remove = new ArrayList<>();

        keys.stream().filter(k -> state(k, now) == KeyState.REMOVED).forEach(k -> remove.add(k.kid()));
        Optional<KeyTimeline> current = active(keys, now);
        Optional<KeyTimeline> next = keys.stream().filter(k -> state(k, now) == KeyState.NEXT)
                .min(Comparator.comparing(KeyTimeline::activatesAt));

        if (current.isEmpty()) {
            // Nothing signs now: a key is needed at once; a pending successor still takes over on time.
            create.add(now);
        } else if (next.isEmpty()) {
            Instant periodEnd = current.get().activatesAt().plus(settings.rotationPeriod());
            if (!now.isBefore(periodEnd.minus(settings.prePublication()))) {
                Instant earliest = now.plus(settings.prePublication());
                Instant activation = periodEnd.isAfter(earliest) ? periodEnd : earliest;
                create.add(activation);
                retire.put(current.get().kid(), activation);
            }
        } else if (current.get().retiresAt() == null) {
            retire.put(current.get().kid(), next.get().activatesAt());
        }
        return new RotationPlan(create, retire, remove);
    }

    /**
     * Rotation on demand (a suspected compromise): a new key signs from now on, the current one
     * retires now but stays published for its retention, and successors that never signed are dropped.
     */
    public RotationPlan planImmediate(List<KeyTimeline> keys, Instant clockNow) {
        Instant now = clockNow.truncatedTo(ChronoUnit.MILLIS);
        Map<String, Instant> retire = new HashMap<>();
        List<String> remove = new ArrayList<>();
        for (KeyTimeline key : keys) {
            switch (state(key, now)) {
                case ACTIVE -> retire.put(key.kid(), now);
                case NEXT, REMOVED -> remove.add(key.kid());
                case RETIRED -> { }
            }
        }
        return new RotationPlan(List.of(now), retire, remove);
    }

    /** The key that signs at {@code now}: the most recently activated one not yet retired. */
    public Optional<KeyTimeline> active(List<KeyTimeline> keys, Instant now) {
        // The kid breaks a tie, so every node picks the same key whatever order it loaded them in.
        return keys.stream().filter(k -> state(k, now) == KeyState.ACTIVE)
                .max(Comparator.comparing(KeyTimeline::activatesAt).thenComparing(KeyTimeline::kid));
    }

    public KeyState state(KeyTimeline key, Instant now) {
        return key.stateAt(now, settings.retention());
    }
}
