package dev.tessera.claims;

import dev.tessera.oauth.JsonFactories;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashSet;
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
