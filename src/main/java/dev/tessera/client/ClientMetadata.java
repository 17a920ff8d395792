package dev.tessera.client;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Client metadata as sent to the admin API or to registration: the RFC 7591 §2 and OpenID Connect
 * Registration §2 names, plus Tessera's own settings. Unknown members are ignored (RFC 7591 §2: the
 * server "MUST ignore any client metadata sent by the client that it does not understand"); a known
 * member of the wrong JSON type is {@code invalid_client_metadata}. Absent members are null.
 */
public record ClientMetadata(
        Set<String> redirectUris, Set<String> postLogoutRedirectUris, Set<String> grantTypes,
        Set<String> responseTypes, String tokenEndpointAuthMethod, String tokenEndpointAuthSigningAlg,
        String scope, String defaultScope, Set<String> allowedResources, String clientName, String logoUri,
        String policyUri, String tosUri, Set<String> contacts, String jwks, String jwksUri,
        String idTokenSignedResponseAlg, String backchannelLogoutUri, String accessTokenFormat,
        Integer accessTokenLifetime, String accessTokenSigningAlg, Integer refreshTokenLifetime,
        Integer refreshTokenIdle, Integer refreshTokenReuseInterval, Boolean requirePkce, Boolean requireConsent, Boolean enabled, Boolean allowPlainPkce,
        Set<String> tokenExchangeAudiences, Boolean tokenExchangeRefreshTokens,
        String initiateLoginUri, Boolean idTokenGroups, Boolean backchannelLogoutSessionRequired,
        String frontchannelLogoutUri, Boolean frontchannelLogoutSessionRequired,
        Set<String> defaultAcrValues, Boolean requireMfa) {

    /** A reuse interval is a grace for retries, not a second lifetime: at most five minutes. */
    public static final int MAX_REUSE_INTERVAL = 300;

    public static ClientMetadata fromJson(JsonObject json) {
        return new ClientMetadata(
                strings(json, ClientFields.REDIRECT_URIS), strings(json, ClientFields.POST_LOGOUT_REDIRECT_URIS),
                strings(json, ClientFields.GRANT_TYPES), responseTypes(json),
                string(json, ClientFields.TOKEN_ENDPOINT_AUTH_METHOD), string(json, ClientFields.TOKEN_ENDPOINT_AUTH_SIGNING_ALG),
                string(json, ClientFields.SCOPE), string(json, ClientFields.DEFAULT_SCOPE),
                strings(json, ClientFields.ALLOWED_RESOURCES), string(json, ClientFields.CLIENT_NAME),
                string(json, ClientFields.LOGO_URI), string(json, ClientFields.POLICY_URI), string(json, ClientFields.TOS_URI),
                strings(json, ClientFields.CONTACTS), object(json, ClientFields.JWKS), string(json, ClientFields.JWKS_URI),
                string(json, ClientFields.ID_TOKEN_SIGNED_RESPONSE_ALG), string(json, ClientFields.BACKCHANNEL_LOGOUT_URI),
                string(json, ClientFields.ACCESS_TOKEN_FORMAT), integer(json, ClientFields.ACCESS_TOKEN_LIFETIME),
                accessTokenSigningAlg(json), integer(json, ClientFields.REFRESH_TOKEN_LIFETIME),
                integer(json, ClientFields.REFRESH_TOKEN_IDLE), seconds(json, ClientFields.REFRESH_TOKEN_REUSE_INTERVAL),
                bool(json, ClientFields.REQUIRE_PKCE),
                bool(json, ClientFields.REQUIRE_CONSENT), bool(json, ClientFields.ENABLED),
                bool(json, ClientFields.ALLOW_PLAIN_PKCE), strings(json, ClientFields.TOKEN_EXCHANGE_AUDIENCES),
                bool(json, ClientFields.TOKEN_EXCHANGE_REFRESH_TOKENS), string(json, ClientFields.INITIATE_LOGIN_URI),
                bool(json, ClientFields.ID_TOKEN_GROUPS), bool(json, ClientFields.BACKCHANNEL_LOGOUT_SESSION_REQUIRED),
                string(json, ClientFields.FRONTCHANNEL_LOGOUT_URI), bool(json, ClientFields.FRONTCHANNEL_LOGOUT_SESSION_REQUIRED),
                strings(json, ClientFields.DEFAULT_ACR_VALUES), bool(json, ClientFields.REQUIRE_MFA));
    }

    /**
     * Tessera's {@code access_token_signing_alg}, or the name Keycloak and others use for the same setting,
     * {@code access_token_signed_response_alg}, so a client definition carried over from them keeps its algorithm.
     * Both may be given only with the same value.
     */
    private static String accessTokenSigningAlg(JsonObject json) {
        String ours = string(json, ClientFields.ACCESS_TOKEN_SIGNING_ALG);
        String theirs = string(json, ClientFields.ACCESS_TOKEN_SIGNED_RESPONSE_ALG);
        if (ours != null && theirs != null && !ours.equals(theirs)) {
            throw new OAuthException(OAuthError.INVALID_CLIENT_METADATA, ClientFields.ACCESS_TOKEN_SIGNING_ALG + " and "
                    + ClientFields.ACCESS_TOKEN_SIGNED_RESPONSE_ALG + " name the same setting and differ");
        }
        return ours != null ? ours : theirs;
    }

    private static JsonValue member(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = member(json, name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw wrongType(name, "a string");
        }
        return s.getString();
    }

    private static Set<String> strings(JsonObject json, String name) {
        JsonValue value = member(json, name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw wrongType(name, "an array of strings");
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s) || s.getString().isBlank() || s.getString().contains(" ")) {
                throw wrongType(name, "an array of non-empty strings without spaces");
            }
            values.add(s.getString());
        }
        return values;
    }

    /** Response types may contain single spaces ("code id_token"); normalised to one space between words. */
    private static Set<String> responseTypes(JsonObject json) {
        JsonValue value = member(json, ClientFields.RESPONSE_TYPES);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw wrongType(ClientFields.RESPONSE_TYPES, "an array of strings");
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s) || s.getString().isBlank() || s.getString().contains(",")) {
                throw wrongType(ClientFields.RESPONSE_TYPES, "an array of response types");
            }
            values.add(String.join(" ", s.getString().trim().split(" +")));
        }
        return values;
    }

    private static String object(JsonObject json, String name) {
        JsonValue value = member(json, name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw wrongType(name, "a JSON object");
        }
        return value.toString();
    }

    private static Integer integer(JsonObject json, String name) {
        JsonValue value = member(json, name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.longValue() <= 0 || n.longValue() > Integer.MAX_VALUE) {
            throw wrongType(name, "a positive whole number of seconds");
        }
        return n.intValue();
    }

    /** A number of seconds where 0 means "off" (and overrides a server default). */
    private static Integer seconds(JsonObject json, String name) {
        JsonValue value = member(json, name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0 || n.longValue() > MAX_REUSE_INTERVAL) {
            throw wrongType(name, "a whole number of seconds from 0 to " + MAX_REUSE_INTERVAL);
        }
        return n.intValue();
    }

    private static Boolean bool(JsonObject json, String name) {
        JsonValue value = member(json, name);
        if (value == null) {
            return null;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw wrongType(name, "true or false");
        }
        return value == JsonValue.TRUE;
    }

    private static OAuthException wrongType(String name, String expected) {
        return new OAuthException(OAuthError.INVALID_CLIENT_METADATA, name + " must be " + expected);
    }

    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    static Set<String> orEmpty(Set<String> value) {
        return value != null ? value : Set.of();
    }

    static List<String> list(Set<String> value) {
        return value == null ? List.of() : List.copyOf(value);
    }
}
