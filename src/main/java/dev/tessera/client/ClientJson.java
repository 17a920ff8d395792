package dev.tessera.client;

import dev.tessera.oauth.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.Collection;

/**
 * A client as JSON, in the shape of an RFC 7591 §3.2.1 registration response (the same names it was
 * created with), plus Tessera's settings. Secret hashes never appear; a clear secret only when just issued.
 */
public final class ClientJson {
    private ClientJson() {
    }

    public static JsonObjectBuilder of(Client c, String clearSecret) {
        JsonObjectBuilder json = JsonFactories.BUILDERS.createObjectBuilder()
                .add(ClientFields.CLIENT_ID, c.clientId())
                .add(ClientFields.CLIENT_ID_ISSUED_AT, c.createdAt().getEpochSecond())
                .add(ClientFields.TOKEN_ENDPOINT_AUTH_METHOD, c.authMethod())
                .add(ClientFields.GRANT_TYPES, array(c.grantTypes()))
                .add(ClientFields.RESPONSE_TYPES, array(c.responseTypes()))
                .add(ClientFields.REDIRECT_URIS, array(c.redirectUris()))
                .add(ClientFields.SCOPE, String.join(" ", c.allowedScopes()))
                .add(ClientFields.DEFAULT_SCOPE, String.join(" ", c.defaultScopes()))
                .add(ClientFields.ALLOWED_RESOURCES, array(c.allowedResources()))
                .add(ClientFields.ACCESS_TOKEN_FORMAT, c.accessTokenFormat().wireName())
                .add(ClientFields.REQUIRE_PKCE, c.requirePkce())
                .add(ClientFields.REQUIRE_CONSENT, c.requireConsent())
                .add(ClientFields.ALLOW_PLAIN_PKCE, c.allowPlainPkce())
                .add(ClientFields.TOKEN_EXCHANGE_AUDIENCES, array(c.tokenExchangeAudiences()))
                .add(ClientFields.TOKEN_EXCHANGE_REFRESH_TOKENS, c.tokenExchangeRefreshTokens())
                .add(ClientFields.ID_TOKEN_GROUPS, c.idTokenGroups())
                .add(ClientFields.REQUIRE_MFA, c.requireMfa())
                .add(ClientFields.ENABLED, c.enabled());
        if (clearSecret != null) {
            json.add(ClientFields.CLIENT_SECRET, clearSecret);
        }
        if (c.secretHash() != null) {
            // RFC 7591 §3.2.1: REQUIRED if client_secret is issued; 0 means it does not expire.
            json.add(ClientFields.CLIENT_SECRET_EXPIRES_AT, c.secretExpiresAt() == null ? 0 : c.secretExpiresAt().getEpochSecond());
        }
        if (!c.postLogoutRedirectUris().isEmpty()) {
            json.add(ClientFields.POST_LOGOUT_REDIRECT_URIS, array(c.postLogoutRedirectUris()));
        }
        if (!c.defaultAcrValues().isEmpty()) {
            json.add(ClientFields.DEFAULT_ACR_VALUES, array(c.defaultAcrValues()));
        }
        if (!c.contacts().isEmpty()) {
            json.add(ClientFields.CONTACTS, array(c.contacts()));
        }
        if (c.jwks() != null) {
            json.add(ClientFields.JWKS, JsonFactories.READERS.createReader(new StringReader(c.jwks())).readObject());
        }
        optional(json, ClientFields.TOKEN_ENDPOINT_AUTH_SIGNING_ALG, c.authSigningAlg());
        optional(json, ClientFields.CLIENT_NAME, c.clientName());
        optional(json, ClientFields.LOGO_URI, c.logoUri());
        optional(json, ClientFields.POLICY_URI, c.policyUri());
        optional(json, ClientFields.TOS_URI, c.tosUri());
        optional(json, ClientFields.JWKS_URI, c.jwksUri());
        optional(json, ClientFields.ID_TOKEN_SIGNED_RESPONSE_ALG, c.idTokenSigningAlg());
        optional(json, ClientFields.BACKCHANNEL_LOGOUT_URI, c.backchannelLogoutUri());
        if (c.backchannelLogoutUri() != null) {
            json.add(ClientFields.BACKCHANNEL_LOGOUT_SESSION_REQUIRED, c.backchannelLogoutSessionRequired());
        }
        optional(json, ClientFields.FRONTCHANNEL_LOGOUT_URI, c.frontchannelLogoutUri());
        if (c.frontchannelLogoutUri() != null) {
            json.add(ClientFields.FRONTCHANNEL_LOGOUT_SESSION_REQUIRED, c.frontchannelLogoutSessionRequired());
        }
        optional(json, ClientFields.INITIATE_LOGIN_URI, c.initiateLoginUri());
        optional(json, ClientFields.ACCESS_TOKEN_SIGNING_ALG, c.accessTokenSigningAlg());
        if (c.accessTokenLifetimeSeconds() != null) {
            json.add(ClientFields.ACCESS_TOKEN_LIFETIME, c.accessTokenLifetimeSeconds());
        }
        if (c.refreshTokenLifetimeSeconds() != null) {
            json.add(ClientFields.REFRESH_TOKEN_LIFETIME, c.refreshTokenLifetimeSeconds());
        }
        if (c.refreshTokenIdleSeconds() != null) {
            json.add(ClientFields.REFRESH_TOKEN_IDLE, c.refreshTokenIdleSeconds());
        }
        if (c.refreshTokenReuseIntervalSeconds() != null) {
            json.add(ClientFields.REFRESH_TOKEN_REUSE_INTERVAL, c.refreshTokenReuseIntervalSeconds());
        }
        return json;
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder array = JsonFactories.BUILDERS.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
