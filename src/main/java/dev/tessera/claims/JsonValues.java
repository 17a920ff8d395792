package dev.tessera.claims;

import dev.tessera.oauth.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Map;

/** Claim values (strings, booleans, numbers, lists, objects such as address) as JSON values. */
public final class JsonValues {
    private JsonValues() {
    }

    public static JsonValue of(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return JsonFactories.PROVIDER.createValue(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return JsonFactories.PROVIDER.createValue(n.doubleValue());
        }
        if (value instanceof Collection<?> list) {
            JsonArrayBuilder array = JsonFactories.BUILDERS.createArrayBuilder();
            list.forEach(v -> array.add(of(v)));
            return array.build();
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = JsonFactories.BUILDERS.createObjectBuilder();
            map.forEach((k, v) -> object.add(String.valueOf(k), of(v)));
            return object.build();
        }
        return JsonFactories.PROVIDER.createValue(value.toString());
    }
}
