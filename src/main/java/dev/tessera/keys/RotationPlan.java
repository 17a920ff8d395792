package dev.tessera.keys;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the rotation policy decided for one algorithm; applied by {@link KeyRotationService} in one
 * transaction.
 *
 * @param create     activation times of keys to create
 * @param retire     keys that get a retirement time, by kid
 * @param remove     kids of keys to delete
 */
public record RotationPlan(List<Instant> create, Map<String, Instant> retire, List<String> remove) {

    public RotationPlan {
        create = List.copyOf(create);
        retire = Map.copyOf(retire);
        remove = List.copyOf(remove);
    }

    public boolean isEmpty() {
        return create.isEmpty() && retire.isEmpty() && remove.isEmpty();
    }
}
