package dev.tessera.health;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One contributor's answer: ready or not, and the details an operator reads in {@code /health/ready}.
 *
 * @param details in the order given; keys are unique across contributors (each names its own)
 */
public record ReadinessPart(boolean ready, Map<String, String> details) {

    public ReadinessPart {
        details = new LinkedHashMap<>(details);
    }

    public static ReadinessPart of(boolean ready, String key, String value) {
        return new ReadinessPart(ready, Map.of(key, value));
    }

    /** A copy with one more detail. */
    public ReadinessPart with(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new ReadinessPart(ready, more);
    }

    /** Both parts together: ready only when both are. */
    public ReadinessPart and(ReadinessPart other) {
        Map<String, String> both = new LinkedHashMap<>(details);
        both.putAll(other.details);
        return new ReadinessPart(ready && other.ready, both);
    }
}
