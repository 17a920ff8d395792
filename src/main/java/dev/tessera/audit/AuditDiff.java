package dev.tessera.audit;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An administrator's change as audit detail: for each member that differs between the object before and
 * after, {@code before.NAME} and {@code after.NAME} (left out where the member is absent). Members that are
 * secrets never appear with their value: a change to one shows as {@value #MASK}. Long values are cut at
 * {@value #MAX_VALUE} characters, so one change cannot bloat the trail.
 */
public final class AuditDiff {
    public static final String MASK = "***";
    public static final String BEFORE = "before.";
    public static final String AFTER = "after.";
    static final int MAX_VALUE = 500;
    /** Member names that hold credentials, whatever object they appear in. */
    static final Set<String> SECRETS = Set.of("client_secret", "password", "password_hash", "registration_access_token",
            "private_key", "d", "secret");

    private AuditDiff() {
    }

    /** The changed members; {@code before} or {@code after} may be null (creation, deletion). */
    public static Map<String, String> between(JsonObject before, JsonObject after) {
        JsonObject b = before == null ? JsonValue.EMPTY_JSON_OBJECT : before;
        JsonObject a = after == null ? JsonValue.EMPTY_JSON_OBJECT : after;
        Set<String> names = new TreeSet<>(b.keySet());
        names.addAll(a.keySet());
        Map<String, String> detail = new TreeMap<>();
        for (String name : names) {
            JsonValue was = b.get(name);
            JsonValue is = a.get(name);
            if (was == null ? is == null : was.equals(is)) {
                continue;
            }
            if (was != null) {
                detail.put(BEFORE + name, shown(name, was));
            }
            if (is != null) {
                detail.put(AFTER + name, shown(name, is));
            }
        }
        return detail;
    }

    private static String shown(String name, JsonValue value) {
        if (SECRETS.contains(name)) {
            return MASK;
        }
        String text = value instanceof JsonString s ? s.getString() : value.toString();
        return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE) + "...";
    }
}
