package dev.tessera.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.client.AccessTokenFormat;
import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.client.ClientMetadata;
import dev.tessera.config.RegistrationSettings;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistrantMetadataTest {
    private static final String PRIVILEGED = "\"require_consent\": false, \"enabled\": false, \"require_pkce\": false,"
            + " \"allowed_resources\": [\"https://api.example\"], \"access_token_format\": \"opaque\","
            + " \"access_token_lifetime\": 999999, \"refresh_token_lifetime\": 999999, \"refresh_token_idle\": 999999,"
            + " \"access_token_signing_alg\": \"ES256\", \"default_scope\": \"b\", \"allow_plain_pkce\": true,"
            + " \"token_exchange_audiences\": [\"orders\"], \"token_exchange_refresh_tokens\": true";

    /** The shipped defaults: PKCE (or an OpenID nonce) required, the OpenID scopes when none is asked for. */
    private static final RegistrationSettings SETTINGS = settings(true);

    private static RegistrationSettings settings(boolean requirePkce) {
        return new RegistrationSettings(false, Duration.ofDays(1), requirePkce, Set.of("openid", "profile", "email", "address", "phone"));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static void assertRefused(JsonObject request, String why) {
        assertThatThrownBy(() -> RegistrantMetadata.forCreate(request, SETTINGS)).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error()).isEqualTo(OAuthError.INVALID_CLIENT_METADATA);
            assertThat(e.description()).contains(why);
        });
    }

    @Test
    void aRegistrantsLogoutUrisMustBeHttpsEvenOnLoopback() {
        assertRefused(json("{\"redirect_uris\": [\"http://127.0.0.1/cb\"], \"frontchannel_logout_uri\": \"http://127.0.0.1/fc\"}"),
                "frontchannel_logout_uri must be an https URL");
        ClientMetadata m = RegistrantMetadata.forCreate(json("{\"redirect_uris\": [\"https://rp.example/cb\"],"
                + " \"frontchannel_logout_uri\": \"https://rp.example/fc\", \"frontchannel_logout_session_required\": true}"), SETTINGS);
        assertThat(m.frontchannelLogoutUri()).isEqualTo("https://rp.example/fc");
        assertThat(m.frontchannelLogoutSessionRequired()).isTrue();
    }

    @Test
    void registrationIgnoresOperatorSettingsAndAppliesSafeDefaults() {
        ClientMetadata m = RegistrantMetadata.forCreate(json("{\"grant_types\": [\"client_credentials\"], \"scope\": \"a b\","
                + PRIVILEGED + "}"), SETTINGS);

        assertThat(m.grantTypes()).containsExactly("client_credentials");
        assertThat(m.scope()).isEqualTo("a b");
        assertThat(m.requireConsent()).isTrue();
        assertThat(m.requirePkce()).isTrue();
        assertThat(m.enabled()).isTrue();
        assertThat(m.allowedResources()).isNull();
        assertThat(m.accessTokenFormat()).isNull();
        assertThat(m.accessTokenLifetime()).isNull();
        assertThat(m.refreshTokenLifetime()).isNull();
        assertThat(m.refreshTokenIdle()).isNull();
        assertThat(m.accessTokenSigningAlg()).isNull();
        assertThat(m.defaultScope()).as("defaults to the scope").isNull();
        // RFC 9700 §2.1.1: plain PKCE only by an administrator's opt-in; exchange policy is an administrator's too.
        assertThat(m.allowPlainPkce()).isNull();
        assertThat(m.tokenExchangeAudiences()).isNull();
        assertThat(m.tokenExchangeRefreshTokens()).isNull();
    }

    @Test
    void operatorFieldsOfTheWrongTypeAreIgnoredNotRefused() {
        ClientMetadata m = RegistrantMetadata.forCreate(json("{\"grant_types\": [\"client_credentials\"], \"enabled\": \"yes\","
                + " \"access_token_lifetime\": -5}"), SETTINGS);

        assertThat(m.enabled()).isTrue();
    }

    @Test
    void unknownMembersAreIgnored() {
        ClientMetadata m = RegistrantMetadata.forCreate(json("{\"application_type\": \"native\", \"software_statement\": \"x.y.z\","
                + " \"client_name\": \"App\", \"redirect_uris\": [\"https://app.example/cb\"]}"), SETTINGS);

        assertThat(m.clientName()).isEqualTo("App");
        assertThat(m.redirectUris()).containsExactly("https://app.example/cb");
    }

    @Test
    void reservedScopesAreRefused() {
        assertRefused(json("{\"grant_types\": [\"client_credentials\"], \"scope\": \"read tessera:admin\"}"), "tessera:admin");
        assertRefused(json("{\"grant_types\": [\"client_credentials\"], \"scope\": \"tessera:anything\"}"), "reserved");
    }

    @Test
    void grantsOutsideTheRegistrableSetAreRefused() {
        for (String grant : new String[] {"password", "implicit", "urn:ietf:params:oauth:grant-type:token-exchange",
                "urn:ietf:params:oauth:grant-type:jwt-bearer"}) {
            assertRefused(json("{\"grant_types\": [\"" + grant + "\"]}"), grant);
        }
    }

    @Test
    void aScopeWithForbiddenCharactersIsInvalidMetadata() {
        assertRefused(json("{\"scope\": \"caf\\u00e9\"}"), "RFC 6749");
    }

    @Test
    void updateKeepsWhatTheOperatorDecided() {
        Client current = new Client("c1", ClientAuthMethod.CLIENT_SECRET_BASIC, Instant.EPOCH);
        current.requireConsent(false);
        current.requirePkce(false);
        current.enabled(false);
        current.allowedResources(Set.of("https://api.example"));
        current.accessTokenFormat(AccessTokenFormat.OPAQUE);
        current.accessTokenLifetimeSeconds(60);
        current.refreshTokenIdleSeconds(120);
        current.accessTokenSigningAlg("ES256");
        current.allowedScopes(Set.of("a", "b", "c"));
        current.defaultScopes(Set.of("a", "b"));
        current.allowPlainPkce(true);
        current.tokenExchangeAudiences(Set.of("orders"));

        ClientMetadata m = RegistrantMetadata.forUpdate(json("{\"client_id\": \"c1\", \"grant_types\": [\"client_credentials\"],"
                + " \"scope\": \"b c d\", \"require_consent\": true, \"enabled\": true, \"allowed_resources\": [],"
                + " \"allow_plain_pkce\": false, \"token_exchange_audiences\": [\"billing\"], \"token_exchange_refresh_tokens\": true}"),
                current, SETTINGS);

        assertThat(m.requireConsent()).isFalse();
        assertThat(m.requirePkce()).isFalse();
        assertThat(m.enabled()).isFalse();
        assertThat(m.allowedResources()).containsExactly("https://api.example");
        assertThat(m.accessTokenFormat()).isEqualTo("opaque");
        assertThat(m.accessTokenLifetime()).isEqualTo(60);
        assertThat(m.refreshTokenLifetime()).isNull();
        assertThat(m.refreshTokenIdle()).isEqualTo(120);
        assertThat(m.accessTokenSigningAlg()).isEqualTo("ES256");
        assertThat(m.scope()).isEqualTo("b c d");
        assertThat(m.defaultScope()).as("shrinks with the scope, never grows").isEqualTo("b");
        assertThat(m.allowPlainPkce()).isTrue();
        assertThat(m.tokenExchangeAudiences()).containsExactly("orders");
        assertThat(m.tokenExchangeRefreshTokens()).isFalse();
    }

    @Test
    void updateMayKeepAReservedScopeAnAdministratorGaveButNotAddOne() {
        Client current = new Client("c1", ClientAuthMethod.CLIENT_SECRET_BASIC, Instant.EPOCH);
        current.allowedScopes(Set.of("tessera:admin"));

        ClientMetadata kept = RegistrantMetadata.forUpdate(json("{\"grant_types\": [\"client_credentials\"],"
                + " \"scope\": \"tessera:admin\"}"), current, SETTINGS);
        assertThat(kept.scope()).isEqualTo("tessera:admin");

        assertThatThrownBy(() -> RegistrantMetadata.forUpdate(json("{\"grant_types\": [\"client_credentials\"],"
                + " \"scope\": \"tessera:admin tessera:other\"}"), current, SETTINGS))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.description()).contains("tessera:other"));
    }

    @Test
    void anAbsentScopeIsTheServersDefaultScopeOnRegistrationAndUpdate() {
        ClientMetadata created = RegistrantMetadata.forCreate(json("{\"redirect_uris\": [\"https://app.example/cb\"]}"), SETTINGS);
        assertThat(created.scope().split(" ")).containsExactlyInAnyOrder("openid", "profile", "email", "address", "phone");
        ClientMetadata nullScope = RegistrantMetadata.forCreate(json("{\"redirect_uris\": [\"https://app.example/cb\"], \"scope\": null}"),
                SETTINGS);
        assertThat(nullScope.scope().split(" ")).contains("openid");
        ClientMetadata asked = RegistrantMetadata.forCreate(json("{\"redirect_uris\": [\"https://app.example/cb\"], \"scope\": \"openid\"}"),
                SETTINGS);
        assertThat(asked.scope()).isEqualTo("openid");

        Client current = new Client("c1", ClientAuthMethod.CLIENT_SECRET_BASIC, Instant.EPOCH);
        current.allowedScopes(Set.of("openid"));
        ClientMetadata updated = RegistrantMetadata.forUpdate(json("{\"client_id\": \"c1\"}"), current, SETTINGS);
        assertThat(updated.scope().split(" ")).contains("openid", "email");
    }

    @Test
    void theServerSettingDecidesRequirePkceOfRegisteredClients() {
        String request = "{\"redirect_uris\": [\"https://app.example/cb\"], \"require_pkce\": true}";
        assertThat(RegistrantMetadata.forCreate(json(request), settings(false)).requirePkce()).isFalse();
        assertThat(RegistrantMetadata.forCreate(json(request.replace("true", "false")), settings(true)).requirePkce()).isTrue();
    }

    @Test
    void aReservedDefaultScopeStopsTheDeployment() {
        assertThatThrownBy(() -> new RegistrationSettings(false, Duration.ofDays(1), true, Set.of("openid", "tessera:admin")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tessera.registration.default-scope");
    }
}
