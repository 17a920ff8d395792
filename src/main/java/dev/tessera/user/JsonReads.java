package dev.tessera.user;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Typed reads of one JSON object's members, each failure a 400 {@code invalid_request} naming the member.
 * Absent members and JSON null read as null; an empty string reads as absent, since an empty claim says
 * nothing (OpenID Connect Core §5.3.2).
 */
final class JsonReads {
    private final JsonObject json;
    private final String prefix;

    JsonReads(JsonObject json) {
        this(json, "");
    }

    JsonReads(JsonObject json, String prefix) {
        this.json = json;
        this.prefix = prefix;
    }

    /** A one-line string: no control characters. */
    String string(String name, int maxLength) {
        String value = multiline(name, maxLength);
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw UserProfileRules.invalid(prefix + name + " must not contain control characters");
        }
        return value;
    }

    /** A string that may span lines (tabs and line breaks allowed, other control characters not). */
    String multiline(String name, int maxLength) {
        String value = rawString(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw UserProfileRules.invalid(prefix + name + " must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw UserProfileRules.invalid(prefix + name + " must not contain control characters");
        }
        return value;
    }

    /** The string exactly as sent (a password: spaces count), null when absent. */
    String rawString(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw UserProfileRules.invalid(prefix + name + " must be a string");
        }
        return s.getString();
    }

    boolean bool(String name, boolean absent) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return absent;
        }
        if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
            throw UserProfileRules.invalid(prefix + name + " must be true or false");
        }
        return value.getValueType() == JsonValue.ValueType.TRUE;
    }

    JsonObject object(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject o)) {
            throw UserProfileRules.invalid(prefix + name + " must be a JSON object");
        }
        return o;
    }

    JsonArray array(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray a)) {
            throw UserProfileRules.invalid(prefix + name + " must be a JSON array");
        }
        return a;
    }
}
