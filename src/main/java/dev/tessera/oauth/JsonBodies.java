package dev.tessera.oauth;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

/** Reads a JSON object body; anything else is a clean 400, never a parser stack trace. */
public final class JsonBodies {
    private JsonBodies() {
    }

    public static JsonObject object(String body, OAuthError error) {
        if (body == null || body.isBlank()) {
            throw new OAuthException(error, "The body must be a JSON object");
        }
        try (var reader = JsonFactories.READERS.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonParsingException | ClassCastException e) {
            throw new OAuthException(error, "The body is not a valid JSON object");
        } catch (JsonException e) {
            throw new OAuthException(error, "The body is not a valid JSON object");
        }
    }
}
