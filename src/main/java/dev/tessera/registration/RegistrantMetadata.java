package dev.tessera.registration;

import dev.tessera.oauth.JsonFactories;
import dev.tessera.client.Client;
import dev.tessera.client.ClientFields;
import dev.tessera.client.ClientMetadata;
import dev.tessera.config.RegistrationSettings;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.Scopes;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Splits what a registrant may decide about its client from what only an operator may. The registrant
 * chooses the RFC 7591 §2 metadata (redirect URIs, grants, auth method, keys, display); Tessera's own
 * settings are removed from its request and set here: on registration to safe defaults (consent required,
 * the server's PKCE policy, no resources, server lifetimes, JWT tokens), on an RFC 7592 §2.2 update to the values
 * the client has now, so a registrant can neither gain nor lose what an administrator decided. The
 * result is then checked by {@link dev.tessera.client.ClientMetadataPolicy} like any other metadata.
 */
final class RegistrantMetadata {
    /** Tessera settings only the admin API may set; a registrant's values for them are ignored. */
    static final Set<String> OPERATOR_FIELDS = Set.of(ClientFields.DEFAULT_SCOPE, ClientFields.ALLOWED_RESOURCES,
            ClientFields.ACCESS_TOKEN_FORMAT, ClientFields.ACCESS_TOKEN_LIFETIME, ClientFields.ACCESS_TOKEN_SIGNING_ALG, ClientFields.ACCESS_TOKEN_SIGNED_RESPONSE_ALG,
            ClientFields.REFRESH_TOKEN_LIFETIME, ClientFields.REFRESH_TOKEN_IDLE,
            ClientFields.REFRESH_TOKEN_REUSE_INTERVAL, ClientFields.REQUIRE_PKCE,
            ClientFields.REQUIRE_CONSENT, ClientFields.ENABLED, ClientFields.ALLOW_PLAIN_PKCE,
            ClientFields.TOKEN_EXCHANGE_AUDIENCES, ClientFields.TOKEN_EXCHANGE_REFRESH_TOKENS, ClientFields.ID_TOKEN_GROUPS,
            ClientFields.REQUIRE_MFA);
    /**
     * Grants a registrant may ask for. Not password (RFC 9700 §2.4: it "MUST NOT be used") nor implicit
     * (RFC 9700 §2.1.2: clients "SHOULD NOT use the implicit grant"); token exchange and JWT bearer
     * grants act for others and stay with administrators.
     */
    static final Set<String> REGISTRABLE_GRANTS = Set.of(GrantTypes.AUTHORIZATION_CODE, GrantTypes.REFRESH_TOKEN,
            GrantTypes.CLIENT_CREDENTIALS, GrantTypes.DEVICE_CODE);

    private RegistrantMetadata() {
    }

    /**
     * A new registration (RFC 7591 §3.1): operator settings take their safe defaults, {@code require_pkce} the
     * server's ({@code tessera.registration.require-pkce}), an absent scope the server's default scope.
     */
    static ClientMetadata forCreate(JsonObject request, RegistrationSettings settings) {
        // default_scope stays absent, so it equals the registered scope.
        return ClientMetadata.fromJson(JsonFactories.BUILDERS.createObjectBuilder(registrantPart(request, Set.of(), settings).json())
                .add(ClientFields.REQUIRE_PKCE, settings.requirePkce())
                .add(ClientFields.REQUIRE_CONSENT, true)
                .add(ClientFields.ENABLED, true)
                .build());
    }

    /**
     * A full replacement (RFC 7592 §2.2: "Omitted fields MUST be treated as null or empty values"), for
     * the registrant's fields only; operator settings keep the client's current values, and the default
     * scope shrinks with the scope but never grows. An omitted scope is the server's default scope, as on
     * registration, so an OpenID client that never names a scope keeps {@code openid}.
     */
    static ClientMetadata forUpdate(JsonObject request, Client current, RegistrationSettings settings) {
        Part part = registrantPart(request, current.allowedScopes(), settings);
        Set<String> defaults = new LinkedHashSet<>(current.defaultScopes());
        defaults.retainAll(scopes(part.asked().scope()));
        JsonObjectBuilder json = JsonFactories.BUILDERS.createObjectBuilder(part.json())
                .add(ClientFields.DEFAULT_SCOPE, Scopes.format(defaults))
                .add(ClientFields.ALLOWED_RESOURCES, array(current.allowedResources()))
                .add(ClientFields.ACCESS_TOKEN_FORMAT, current.accessTokenFormat().wireName())
                .add(ClientFields.REQUIRE_PKCE, current.requirePkce())
                .add(ClientFields.REQUIRE_CONSENT, current.requireConsent())
                .add(ClientFields.ENABLED, current.enabled())
                .add(ClientFields.ALLOW_PLAIN_PKCE, current.allowPlainPkce())
                .add(ClientFields.TOKEN_EXCHANGE_AUDIENCES, array(current.tokenExchangeAudiences()))
                .add(ClientFields.TOKEN_EXCHANGE_REFRESH_TOKENS, current.tokenExchangeRefreshTokens())
                .add(ClientFields.ID_TOKEN_GROUPS, current.idTokenGroups())
                .add(ClientFields.REQUIRE_MFA, current.requireMfa());
        addIfSet(json, ClientFields.ACCESS_TOKEN_LIFETIME, current.accessTokenLifetimeSeconds());
        addIfSet(json, ClientFields.REFRESH_TOKEN_LIFETIME, current.refreshTokenLifetimeSeconds());
        addIfSet(json, ClientFields.REFRESH_TOKEN_IDLE, current.refreshTokenIdleSeconds());
        addIfSet(json, ClientFields.REFRESH_TOKEN_REUSE_INTERVAL, current.refreshTokenReuseIntervalSeconds());
        if (current.accessTokenSigningAlg() != null) {
            json.add(ClientFields.ACCESS_TOKEN_SIGNING_ALG, current.accessTokenSigningAlg());
        }
        return ClientMetadata.fromJson(json.build());
    }

    /** The request without operator fields, and the metadata it asks for. */
    private record Part(JsonObject json, ClientMetadata asked) {
    }

    /**
     * Removes the operator fields, fills in the default scope when none is asked for, and checks the grants
     * and scope asked for.
     *
     * @param heldScopes scope values the client already has: a reserved one an administrator gave it may stay
     */
    private static Part registrantPart(JsonObject request, Set<String> heldScopes, RegistrationSettings settings) {
        JsonObjectBuilder builder = JsonFactories.BUILDERS.createObjectBuilder(request);
        OPERATOR_FIELDS.forEach(builder::remove);
        JsonValue scope = request.get(ClientFields.SCOPE);
        if (scope == null || scope == JsonValue.NULL) {
            builder.add(ClientFields.SCOPE, Scopes.format(settings.defaultScope()));
        }
        JsonObject json = builder.build();
        ClientMetadata asked = ClientMetadata.fromJson(json);
        if (asked.grantTypes() != null) {
            asked.grantTypes().stream().filter(g -> !REGISTRABLE_GRANTS.contains(g)).findFirst().ifPresent(g -> {
                throw invalid("grant type " + g + " cannot be registered dynamically; allowed: "
                        + String.join(" ", REGISTRABLE_GRANTS.stream().sorted().toList()));
            });
        }
        // Only an administrator may point a client's logout URIs at a loopback http URL (LogoutUriRules).
        if (asked.backchannelLogoutUri() != null && !asked.backchannelLogoutUri().startsWith("https://")) {
            throw invalid("backchannel_logout_uri must be an https URL");
        }
        if (asked.frontchannelLogoutUri() != null && !asked.frontchannelLogoutUri().startsWith("https://")) {
            throw invalid("frontchannel_logout_uri must be an https URL");
        }
        for (String value : scopes(asked.scope())) {
            if (value.startsWith(Scopes.RESERVED_PREFIX) && !heldScopes.contains(value)) {
                throw invalid("scope " + value + " is reserved for clients an administrator creates");
            }
        }
        return new Part(json, asked);
    }

    private static Set<String> scopes(String scope) {
        try {
            return Scopes.parse(scope);
        } catch (OAuthException e) {
            throw invalid("scope contains a character RFC 6749 §3.3 does not allow");
        }
    }

    private static JsonArrayBuilder array(Set<String> values) {
        JsonArrayBuilder array = JsonFactories.BUILDERS.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static void addIfSet(JsonObjectBuilder json, String name, Integer value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static OAuthException invalid(String description) {
        return new OAuthException(OAuthError.INVALID_CLIENT_METADATA, description);
    }
}
