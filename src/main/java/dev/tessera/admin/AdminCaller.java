package dev.tessera.admin;

import dev.tessera.oauth.JsonFactories;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;

/**
 * The admin API's caller as MicroProfile JWT presents one: a {@link JsonWebToken} over the claims of the
 * bearer token {@link AdminApiBearer} verified, so an admin resource reads its caller as it did when MP-JWT
 * verified admin tokens. Claims read as Payara's MP-JWT reads them: the numeric claims MP-JWT types as
 * {@code Long} ({@code exp}, {@code iat}, ...) as {@code Long}, {@code aud} and {@code groups} as a
 * {@code Set<String>}, strings as {@code String}, everything else as its JSON-P value, plus {@code raw_token}.
 * Made only by {@link AdminApiBearer}, so {@link AdminCallerRequired} can tell a caller it admitted.
 */
public final class AdminCaller implements JsonWebToken {
    /** The type MP-JWT gives each standard claim ({@link Claims#getType()}), looked up once. */
    private static final Map<String, Class<?>> TYPES = Arrays.stream(Claims.values())
            .collect(Collectors.toUnmodifiableMap(Claims::name, Claims::getType));

    private final JsonObject claims;
    private final String name;

    AdminCaller(String rawToken, JwtClaims verified) {
        JsonObject payload = JsonFactories.READERS.createReader(new StringReader(verified.toJson())).readObject();
        claims = JsonFactories.BUILDERS.createObjectBuilder(payload).add(Claims.raw_token.name(), rawToken).build();
        name = firstString(Claims.upn, Claims.preferred_username, Claims.sub);
    }

    /** {@link JsonWebToken#getName()}: {@code upn}, else {@code preferred_username}, else {@code sub}. */
    @Override
    public String getName() {
        return name;
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        JsonValue value = claims.get(claimName);
        if (value == null) {
            return null;
        }
        Class<?> type = TYPES.getOrDefault(claimName, Object.class);
        if (type == Long.class && value instanceof JsonNumber number) {
            return (T) Long.valueOf(number.longValue());
        }
        if (type == Set.class) {
            return (T) strings(value);
        }
        return value instanceof JsonString string ? (T) string.getString() : (T) value;
    }

    /** The caller's name only: the raw token is a credential and must never reach a log line. */
    @Override
    public String toString() {
        return "AdminCaller[" + name + "]";
    }

    private String firstString(Claims... names) {
        for (Claims claim : names) {
            if (claims.get(claim.name()) instanceof JsonString string) {
                return string.getString();
            }
        }
        return null;
    }

    /** RFC 7519 §4.1.3: {@code aud} is one string or an array of them. */
    private static Set<String> strings(JsonValue value) {
        if (value instanceof JsonString string) {
            return Set.of(string.getString());
        }
        return value instanceof JsonArray array
                ? array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString())
                        .collect(Collectors.toUnmodifiableSet())
                : Set.of();
    }
}
