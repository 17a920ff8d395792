package dev.tessera.oauth;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * Reads a JSON object body; anything else (nesting too deep, a member named twice included) is a clean 400,
 * never a parser stack trace. So is a name or string
 * holding U+0000 (the JSON escape backslash-u-0000): no setting needs it and PostgreSQL cannot store it, so it would
 * otherwise fail as a 500 at the first insert.
 */
public final class JsonBodies {
    private JsonBodies() {
    }

    public static JsonObject object(String body, OAuthError error) {
        if (body == null || body.isBlank()) {
            throw new OAuthException(error, "The body must be a JSON object");
        }
        JsonObject json;
        try (var reader = JsonFactories.STRICT_READERS.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (RuntimeException e) {
            // JsonParsingException, a JsonException, a ClassCastException for a non-object, or Parsson's plain
            // RuntimeException for nesting deeper than 1,000: the body's fault in every case.
            throw new OAuthException(error, "The body is not a valid JSON object, or names a member twice");
        }
        if (holdsNul(json)) {
            throw new OAuthException(error, "No name or string in the body may contain the character U+0000");
        }
        return json;
    }

    private static boolean holdsNul(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString().indexOf('\0') >= 0;
            case OBJECT -> value.asJsonObject().entrySet().stream()
                    .anyMatch(e -> e.getKey().indexOf('\0') >= 0 || holdsNul(e.getValue()));
            case ARRAY -> value.asJsonArray().stream().anyMatch(JsonBodies::holdsNul);
            default -> false;
        };
    }
}
