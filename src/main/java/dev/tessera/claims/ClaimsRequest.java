package dev.tessera.claims;

import dev.tessera.oauth.JsonFactories;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code claims} request parameter (OpenID Connect Core §5.5): which individual claims the client
 * wants in the ID token and from userinfo. Tessera returns a requested claim when the user has it,
 * essential or not; {@code value} and {@code values} constraints are not enforced (§5.5.1 lets the
 * server decide).
 */
public final class ClaimsRequest {
    public static final String ID_TOKEN = "id_token";
    public static final String USERINFO = "userinfo";

    private ClaimsRequest() {
    }

    public static boolean isValid(String json) {
        try {
            JsonObject object = JsonFactories.READERS.createReader(new StringReader(json)).readObject();
            for (String member : Set.of(ID_TOKEN, USERINFO)) {
                JsonValue value = object.get(member);
                if (value != null && value.getValueType() != JsonValue.ValueType.OBJECT && value != JsonValue.NULL) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The values of an essential {@code acr} asked for the ID token (§5.5.1.1: {@code "acr": {"essential": true,
     * "values": [...]}} or {@code "value"}); empty when acr is not asked as essential. An essential acr without
     * values yields an empty list.
     */
    public static Optional<List<String>> essentialAcr(String json) {
        if (json == null || !isValid(json)) {
            return Optional.empty();
        }
        JsonValue idToken = JsonFactories.READERS.createReader(new StringReader(json)).readObject().get(ID_TOKEN);
        if (!(idToken instanceof JsonObject members) || !(members.get("acr") instanceof JsonObject acr)
                || acr.get("essential") != JsonValue.TRUE) {
            return Optional.empty();
        }
        if (acr.get("values") instanceof JsonArray values) {
            return Optional.of(values.stream().filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).getString()).toList());
        }
        return Optional.of(acr.get("value") instanceof JsonString value ? List.of(value.getString()) : List.of());
    }

    /** The claim names requested for one target ({@link #ID_TOKEN} or {@link #USERINFO}); empty when none. */
    public static Set<String> requested(String json, String target) {
        Set<String> names = new LinkedHashSet<>();
        if (json == null || !isValid(json)) {
            return names;
        }
        JsonValue value = JsonFactories.READERS.createReader(new StringReader(json)).readObject().get(target);
        if (value instanceof JsonObject object) {
            names.addAll(object.keySet());
        }
        return names;
    }
}
