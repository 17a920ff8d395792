package dev.tessera.client;

import static dev.tessera.client.MetadataFixtures.metadata;
import static dev.tessera.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.oauth.OAuthError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading RFC 7591 §2 metadata from JSON: types are strict, unknown members ignored, null is absent. */
class ClientMetadataTest {

    @Test
    void readsEveryKindOfMember() {
        ClientMetadata m = metadata("{\"redirect_uris\": [\"https://a.example/cb\", \"https://b.example/cb\"],"
                + " \"client_name\": \"App\", \"jwks\": {\"keys\": []}, \"access_token_lifetime\": 300,"
                + " \"require_pkce\": false, \"enabled\": true, \"unknown_member\": [1, 2]}");

        assertThat(m.redirectUris()).containsExactly("https://a.example/cb", "https://b.example/cb");
        assertThat(m.clientName()).isEqualTo("App");
        assertThat(m.jwks()).contains("\"keys\"");
        assertThat(m.accessTokenLifetime()).isEqualTo(300);
        assertThat(m.requirePkce()).isFalse();
        assertThat(m.enabled()).isTrue();
        assertThat(m.grantTypes()).isNull();
        assertThat(m.scope()).isNull();
    }

    /** Issue 23: the algorithm by Keycloak's name for it is the same setting; both names must agree. */
    @Test
    void accessTokenSignedResponseAlgIsAnAliasOfAccessTokenSigningAlg() {
        assertThat(metadata("{\"access_token_signed_response_alg\": \"ES256\"}").accessTokenSigningAlg()).isEqualTo("ES256");
        assertThat(metadata("{\"access_token_signing_alg\": \"PS256\"}").accessTokenSigningAlg()).isEqualTo("PS256");
        assertThat(metadata("{\"access_token_signing_alg\": \"ES256\", \"access_token_signed_response_alg\": \"ES256\"}")
                .accessTokenSigningAlg()).isEqualTo("ES256");
        assertOAuthError(OAuthError.INVALID_CLIENT_METADATA,
                () -> metadata("{\"access_token_signing_alg\": \"ES256\", \"access_token_signed_response_alg\": \"RS256\"}"));
    }

    @Test
    void nullMembersAreAbsent() {
        ClientMetadata m = metadata("{\"grant_types\": null, \"scope\": null, \"jwks\": null, \"require_pkce\": null,"
                + " \"access_token_lifetime\": null}");

        assertThat(m.grantTypes()).isNull();
        assertThat(m.scope()).isNull();
        assertThat(m.jwks()).isNull();
        assertThat(m.requirePkce()).isNull();
        assertThat(m.accessTokenLifetime()).isNull();
    }

    @Test
    void duplicateArrayValuesCollapse() {
        assertThat(metadata("{\"grant_types\": [\"client_credentials\", \"client_credentials\"]}").grantTypes())
                .containsExactly("client_credentials");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"redirect_uris\": \"https://a.example/cb\"}",
        "{\"grant_types\": \"client_credentials\"}",
        "{\"grant_types\": [1]}",
        "{\"grant_types\": [\"\"]}",
        "{\"grant_types\": [\"a b\"]}",
        "{\"grant_types\": [null]}",
        "{\"contacts\": {\"a\": \"b\"}}",
        "{\"client_name\": 5}",
        "{\"scope\": [\"a\", \"b\"]}",
        "{\"token_endpoint_auth_method\": true}",
        "{\"jwks\": \"{\\\"keys\\\": []}\"}",
        "{\"jwks\": [1]}",
        "{\"access_token_lifetime\": \"300\"}",
        "{\"access_token_lifetime\": 1.5}",
        "{\"access_token_lifetime\": 0}",
        "{\"access_token_lifetime\": -5}",
        "{\"access_token_lifetime\": 3000000000}",
        "{\"require_pkce\": \"true\"}",
        "{\"enabled\": 1}"})
    void aKnownMemberOfTheWrongTypeIsInvalidClientMetadata(String json) {
        String member = json.substring(json.indexOf('"') + 1, json.indexOf('"', 2));
        assertOAuthError(OAuthError.INVALID_CLIENT_METADATA, () -> metadata(json)).hasMessageStartingWith(member + " must be");
    }
}
