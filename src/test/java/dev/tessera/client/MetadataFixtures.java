package dev.tessera.client;

import static dev.tessera.oauth.OAuthAssertions.assertOAuthError;

import dev.tessera.oauth.OAuthError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Set;

/** Client metadata from JSON text, and a policy wired by hand that applies it to a fresh client. */
final class MetadataFixtures {
    static final String WEB = "\"redirect_uris\": [\"https://app.example.com/cb\"]";

    final ClientMetadataPolicy policy = new ClientFixtures().policy();
    final Client client = new Client("c1", ClientAuthMethod.NONE, ClientFixtures.NOW);

    void apply(String json) {
        apply(metadata(json));
    }

    void apply(ClientMetadata metadata) {
        policy.apply(metadata, client);
    }

    void refused(OAuthError error, String json) {
        assertOAuthError(error, () -> apply(json));
    }

    static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    static ClientMetadata metadata(String json) {
        return ClientMetadata.fromJson(parse(json));
    }

    /** A copy with other response types. */
    static ClientMetadata withResponseTypes(ClientMetadata m, Set<String> responseTypes) {
        return new ClientMetadata(m.redirectUris(), m.postLogoutRedirectUris(), m.grantTypes(), responseTypes,
                m.tokenEndpointAuthMethod(), m.tokenEndpointAuthSigningAlg(), m.scope(), m.defaultScope(),
                m.allowedResources(), m.clientName(), m.logoUri(), m.policyUri(), m.tosUri(), m.contacts(), m.jwks(),
                m.jwksUri(), m.idTokenSignedResponseAlg(), m.backchannelLogoutUri(), m.accessTokenFormat(),
                m.accessTokenLifetime(), m.accessTokenSigningAlg(), m.refreshTokenLifetime(), m.refreshTokenIdle(), m.refreshTokenReuseInterval(),
                m.requirePkce(), m.requireConsent(), m.enabled(), m.allowPlainPkce(),
                m.tokenExchangeAudiences(), m.tokenExchangeRefreshTokens(), m.initiateLoginUri(),
                m.idTokenGroups(), m.backchannelLogoutSessionRequired(), m.frontchannelLogoutUri(), m.frontchannelLogoutSessionRequired(), m.defaultAcrValues(),
                m.requireMfa());
    }
}
