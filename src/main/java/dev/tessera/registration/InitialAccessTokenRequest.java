package dev.tessera.registration;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * What an administrator asks for when issuing an initial access token: {@code expires_in} seconds
 * (absent: {@code tessera.registration.initial-token-lifetime}) and {@code uses} (absent: one). Both are
 * bounded, so a typo cannot mint a token that registers clients forever.
 */
public record InitialAccessTokenRequest(Optional<Duration> lifetime, int uses) {
    public static final String EXPIRES_IN = "expires_in";
    public static final String USES = "uses";
    static final long MAX_LIFETIME_SECONDS = Duration.ofDays(366).toSeconds();
    static final long MAX_USES = 1_000_000;

    public static InitialAccessTokenRequest fromJson(JsonObject json) {
        Long expiresIn = positive(json, EXPIRES_IN, MAX_LIFETIME_SECONDS);
        Long uses = positive(json, USES, MAX_USES);
        return new InitialAccessTokenRequest(Optional.ofNullable(expiresIn).map(Duration::ofSeconds),
                uses == null ? 1 : uses.intValue());
    }

    private static Long positive(JsonObject json, String name, long max) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        // Compared as a BigDecimal: longValue() of 1e30 keeps only its low 64 bits, which may look small.
        if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.bigDecimalValue().compareTo(BigDecimal.ONE) < 0
                || n.bigDecimalValue().compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, name + " must be a whole number from 1 to " + max);
        }
        return n.longValue();
    }
}
