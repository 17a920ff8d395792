package dev.tessera.client;

import static dev.tessera.client.MetadataFixtures.WEB;
import static dev.tessera.client.MetadataFixtures.metadata;
import static dev.tessera.client.MetadataFixtures.withResponseTypes;
import static dev.tessera.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.oauth.OAuthError;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7591 §2 and §3.2.2: grants, response types, redirect URIs, scopes and display URLs. */
class ClientMetadataPolicyTest {
    private final MetadataFixtures f = new MetadataFixtures();

    @Test
    void defaultsAreAConfidentialAuthorizationCodeClient() {
        f.apply("{" + WEB + "}");

        Client client = f.client;
        assertThat(client.grantTypes()).containsExactly("authorization_code");
        assertThat(client.responseTypes()).containsExactly("code");
        assertThat(client.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(client.redirectUris()).containsExactly("https://app.example.com/cb");
        assertThat(client.accessTokenFormat()).isEqualTo(AccessTokenFormat.JWT);
        assertThat(client.requirePkce()).isTrue();
        assertThat(client.requireConsent()).isTrue();
        assertThat(client.enabled()).isTrue();
    }

    @Test
    void aServiceClientNeedsNoRedirectUri() {
        f.apply("{\"grant_types\": [\"client_credentials\"], \"scope\": \"read write\", \"default_scope\": \"read\","
                + " \"allowed_resources\": [\"https://api.example.com\"], \"access_token_signing_alg\": \"ES256\","
                + " \"access_token_format\": \"opaque\", \"enabled\": false}");

        Client client = f.client;
        assertThat(client.grantTypes()).containsExactly("client_credentials");
        assertThat(client.responseTypes()).isEmpty();
        assertThat(client.allowedScopes()).containsExactly("read", "write");
        assertThat(client.defaultScopes()).containsExactly("read");
        assertThat(client.allowedResources()).containsExactly("https://api.example.com");
        assertThat(client.accessTokenSigningAlg()).isEqualTo("ES256");
        assertThat(client.accessTokenFormat()).isEqualTo(AccessTokenFormat.OPAQUE);
        assertThat(client.enabled()).isFalse();
    }

    @Test
    void withoutDefaultScopeTheDefaultIsTheWholeScope() {
        f.apply("{" + WEB + ", \"scope\": \"a b a\"}");
        assertThat(f.client.allowedScopes()).containsExactly("a", "b");
        assertThat(f.client.defaultScopes()).containsExactly("a", "b");
    }

    @Test
    void authorizationCodeWithoutRedirectUrisIsInvalidRedirectUri() {
        f.refused(OAuthError.INVALID_REDIRECT_URI, "{}");
        f.refused(OAuthError.INVALID_REDIRECT_URI, "{\"grant_types\": [\"authorization_code\"], \"redirect_uris\": []}");
        f.refused(OAuthError.INVALID_REDIRECT_URI, "{\"grant_types\": [\"implicit\"], \"response_types\": [\"token\"]}");
    }

    @Test
    void aBadRedirectUriIsInvalidRedirectUri() {
        f.refused(OAuthError.INVALID_REDIRECT_URI, "{\"redirect_uris\": [\"http://app.example.com/cb\"]}");
        f.refused(OAuthError.INVALID_REDIRECT_URI, "{" + WEB + ", \"post_logout_redirect_uris\": [\"https://a.example/#x\"]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"grant_types\": [\"client_credentials\"], \"response_types\": [\"code\"]",
        "\"grant_types\": [\"authorization_code\"], \"response_types\": [\"token\"]",
        "\"grant_types\": [\"authorization_code\"], \"response_types\": [\"id_token\"]",
        "\"grant_types\": [\"authorization_code\"], \"response_types\": []",
        "\"response_types\": [\"code\", \"magic\"]"})
    void inconsistentResponseAndGrantTypesAreInvalidClientMetadata(String members) {
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", " + members + "}");
    }

    @Test
    void aHybridResponseTypeNeedsBothAuthorizationCodeAndImplicit() {
        ClientMetadata codeOnly = withResponseTypes(metadata("{" + WEB + "}"), Set.of("code id_token"));
        ClientMetadata implicitOnly = withResponseTypes(
                metadata("{" + WEB + ", \"grant_types\": [\"implicit\"]}"), Set.of("code id_token"));
        ClientMetadata both = withResponseTypes(
                metadata("{" + WEB + ", \"grant_types\": [\"authorization_code\", \"implicit\"]}"), Set.of("code id_token"));

        assertOAuthError(OAuthError.INVALID_CLIENT_METADATA, () -> f.apply(codeOnly)).hasMessageContaining("implicit");
        assertOAuthError(OAuthError.INVALID_CLIENT_METADATA, () -> f.apply(implicitOnly))
                .hasMessageContaining("authorization_code");
        f.apply(both);
        assertThat(f.client.responseTypes()).containsExactly("code id_token");
    }

    @Test
    void aPublicClientMayNotUseClientCredentialsOrPassword() {
        f.refused(OAuthError.INVALID_CLIENT_METADATA,
                "{\"token_endpoint_auth_method\": \"none\", \"grant_types\": [\"client_credentials\"]}");
        f.refused(OAuthError.INVALID_CLIENT_METADATA,
                "{\"token_endpoint_auth_method\": \"none\", \"grant_types\": [\"password\"]}");
    }

    @Test
    void unknownGrantTypesAndAuthMethodsAreRefused() {
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{\"grant_types\": [\"client_credentials\", \"magic\"]}");
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"token_endpoint_auth_method\": \"tls_magic\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"logo_uri", "policy_uri", "tos_uri", "backchannel_logout_uri"})
    void displayAndLogoutUrisMustBeHttps(String member) {
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"" + member + "\": \"http://app.example.com/x\"}");
        f.apply("{" + WEB + ", \"" + member + "\": \"https://app.example.com/x\"}");
    }

    @Test
    void backchannelLogoutIsStoredWithItsSessionRequirementAndLoopbackHttpIsAccepted() {
        f.apply("{" + WEB + ", \"backchannel_logout_uri\": \"http://127.0.0.1:9000/bc\", \"backchannel_logout_session_required\": true}");
        assertThat(f.client.backchannelLogoutUri()).isEqualTo("http://127.0.0.1:9000/bc");
        assertThat(f.client.backchannelLogoutSessionRequired()).isTrue();
        assertThat(ClientJson.of(f.client, null).build().getBoolean("backchannel_logout_session_required")).isTrue();
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"backchannel_logout_uri\": \"https://app.example.com/bc#x\"}");
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"backchannel_logout_session_required\": \"yes\"}");
    }

    @Test
    void frontchannelLogoutIsStoredWithItsSessionRequirementOnTheOriginOfARedirectUri() {
        f.apply("{" + WEB + ", \"frontchannel_logout_uri\": \"https://app.example.com/fc?tenant=1\","
                + " \"frontchannel_logout_session_required\": true}");
        assertThat(f.client.frontchannelLogoutUri()).isEqualTo("https://app.example.com/fc?tenant=1");
        assertThat(f.client.frontchannelLogoutSessionRequired()).isTrue();
        var json = ClientJson.of(f.client, null).build();
        assertThat(json.getString("frontchannel_logout_uri")).isEqualTo("https://app.example.com/fc?tenant=1");
        assertThat(json.getBoolean("frontchannel_logout_session_required")).isTrue();

        f.apply("{" + WEB + ", \"frontchannel_logout_uri\": \"https://app.example.com/fc\"}");
        assertThat(f.client.frontchannelLogoutSessionRequired()).as("§2: false when omitted").isFalse();
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"frontchannel_logout_uri\": \"https://evil.example.net/fc\"}");
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"frontchannel_logout_uri\": \"http://app.example.com/fc\"}");
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"frontchannel_logout_uri\": \"https://app.example.com/fc#x\"}");
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"frontchannel_logout_session_required\": \"yes\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example.com/login", "https://", "https://bad host/x", "app.example.com/login"})
    void initiateLoginUriMustBeAnHttpsUrl(String value) {
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"initiate_login_uri\": \"" + value + "\"}");
    }

    @Test
    void initiateLoginUriIsStored() {
        f.apply("{" + WEB + ", \"initiate_login_uri\": \"https://app.example.com/login\"}");
        assertThat(f.client.initiateLoginUri()).isEqualTo("https://app.example.com/login");
        assertThat(ClientJson.of(f.client, null).build().getString("initiate_login_uri")).isEqualTo("https://app.example.com/login");
    }

    @Test
    void theDefaultScopeMustBeWithinTheScope() {
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"scope\": \"a b\", \"default_scope\": \"a c\"}");
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"default_scope\": \"a\"}");
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"scope\": \"a \\\"b\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "HS256", "RS512", "rs256"})
    void tokenSigningAlgorithmsMustBeOnesTesseraSignsWith(String alg) {
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"access_token_signing_alg\": \"" + alg + "\"}");
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"id_token_signed_response_alg\": \"" + alg + "\"}");
    }

    @Test
    void allowedResourcesMustBeAbsoluteWithoutFragment() {
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"allowed_resources\": [\"/api\"]}");
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"allowed_resources\": [\"https://a.example#x\"]}");
    }

    @Test
    void anUnknownAccessTokenFormatIsRefused() {
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"access_token_format\": \"paseto\"}");
    }

    @Test
    void theTokenExchangePolicyIsOffUnlessSet() {
        f.apply("{\"grant_types\": [\"urn:ietf:params:oauth:grant-type:token-exchange\"]}");
        assertThat(f.client.tokenExchangeAudiences()).isEmpty();
        assertThat(f.client.tokenExchangeRefreshTokens()).isFalse();

        f.apply("{\"grant_types\": [\"urn:ietf:params:oauth:grant-type:token-exchange\"],"
                + " \"token_exchange_audiences\": [\"orders\", \"https://billing.example.com\"], \"token_exchange_refresh_tokens\": true}");
        assertThat(f.client.tokenExchangeAudiences()).containsExactly("orders", "https://billing.example.com");
        assertThat(f.client.tokenExchangeRefreshTokens()).isTrue();
    }

    @Test
    void theTokenExchangePolicyMustBeWellTyped() {
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"token_exchange_audiences\": \"orders\"}");
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"token_exchange_audiences\": [\"two words\"]}");
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{" + WEB + ", \"token_exchange_refresh_tokens\": \"yes\"}");
    }

    @Test
    void aClientAllowedTheAdminScopeGetsJwtAccessTokensInAnyAlgorithm() {
        String admin = "{\"grant_types\": [\"client_credentials\"], \"scope\": \"tessera:admin\"";
        f.apply(admin + "}");
        assertThat(f.client.accessTokenSigningAlg()).as("nothing pinned: the server default applies").isNull();
        for (String alg : new String[] {"ES256", "EdDSA", "PS256"}) {
            f.apply(admin + ", \"access_token_signing_alg\": \"" + alg + "\"}");
            assertThat(f.client.accessTokenSigningAlg()).isEqualTo(alg);
        }

        f.refused(OAuthError.INVALID_CLIENT_METADATA, admin + ", \"access_token_format\": \"opaque\"}");
        // Without the admin scope an opaque format is fine.
        f.apply("{\"grant_types\": [\"client_credentials\"], \"scope\": \"read\", \"access_token_format\": \"opaque\"}");
    }
}
