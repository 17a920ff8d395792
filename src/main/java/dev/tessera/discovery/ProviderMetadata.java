package dev.tessera.discovery;

import dev.tessera.oauth.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The metadata document being assembled. Lists are sets (a value is never listed twice even when two
 * contributors name it); a member set twice with different values is a programming error.
 */
public final class ProviderMetadata {
    private final Map<String, Object> members = new LinkedHashMap<>();

    public ProviderMetadata set(String name, String value) {
        return put(name, value);
    }

    public ProviderMetadata set(String name, boolean value) {
        return put(name, value);
    }

    /** Adds values to a list member, keeping the order they were first added in. */
    @SuppressWarnings("unchecked")
    public ProviderMetadata add(String name, Collection<String> values) {
        Object existing = members.computeIfAbsent(name, n -> new LinkedHashSet<String>());
        if (!(existing instanceof Set)) {
            throw new IllegalStateException(name + " is not a list member");
        }
        ((Set<String>) existing).addAll(values);
        return this;
    }

    private ProviderMetadata put(String name, Object value) {
        Object previous = members.putIfAbsent(name, value);
        if (previous != null && !previous.equals(value)) {
            throw new IllegalStateException("Metadata member " + name + " set twice: " + previous + " and " + value);
        }
        return this;
    }

    public boolean has(String name) {
        return members.containsKey(name);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = JsonFactories.BUILDERS.createObjectBuilder();
        members.forEach((name, value) -> {
            if (value instanceof String s) {
                json.add(name, s);
            } else if (value instanceof Boolean b) {
                json.add(name, b);
            } else {
                JsonArrayBuilder array = JsonFactories.BUILDERS.createArrayBuilder();
                ((Set<?>) value).forEach(v -> array.add(v.toString()));
                json.add(name, array);
            }
        });
        return json.build();
    }
}
