package dev.tessera.discovery;

import static dev.tessera.discovery.ProviderMetadataTest.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.config.Issuer;
import dev.tessera.oauth.Endpoints;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryResourceTest {
    private final Issuer issuer = new Issuer("https://sso.example.com/");

    @Test
    void withoutContributorsHoldsTheIssuerAndPublicSubjects() {
        JsonObject json = DiscoveryResource.build(issuer, List.of()).toJson();

        assertThat(json.keySet()).containsExactly(MetadataNames.ISSUER, MetadataNames.SUBJECT_TYPES_SUPPORTED);
        assertThat(json.getString(MetadataNames.ISSUER)).isEqualTo("https://sso.example.com");
        assertThat(strings(json, MetadataNames.SUBJECT_TYPES_SUPPORTED)).containsExactly("public");
    }

    @Test
    void includesWhatEachContributorAddsBuiltFromTheIssuer() {
        MetadataContributor keys = m -> m.set(MetadataNames.JWKS_URI, issuer.endpoint(Endpoints.JWKS));
        MetadataContributor token = m -> m.set("token_endpoint", issuer.endpoint("/token"))
                .add("grant_types_supported", List.of("client_credentials", "refresh_token"));
        MetadataContributor authorize = m -> m.add("grant_types_supported", List.of("authorization_code", "refresh_token"));

        JsonObject json = DiscoveryResource.build(issuer, List.of(keys, token, authorize)).toJson();

        assertThat(json.getString(MetadataNames.ISSUER)).isEqualTo("https://sso.example.com");
        assertThat(json.getString(MetadataNames.JWKS_URI)).isEqualTo("https://sso.example.com/jwks");
        assertThat(json.getString("token_endpoint")).isEqualTo("https://sso.example.com/token");
        assertThat(strings(json, "grant_types_supported"))
                .containsExactly("client_credentials", "refresh_token", "authorization_code");
        assertThat(strings(json, MetadataNames.SUBJECT_TYPES_SUPPORTED)).containsExactly("public");
    }

    @Test
    void aContributorCannotReplaceTheIssuer() {
        MetadataContributor hostile = m -> m.set(MetadataNames.ISSUER, "https://evil.example.com");

        assertThatThrownBy(() -> DiscoveryResource.build(issuer, List.of(hostile)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MetadataNames.ISSUER);
    }

    @Test
    void aContributorRestatingTheIssuerOrAddingSubjectTypesIsHarmless() {
        MetadataContributor polite = m -> m.set(MetadataNames.ISSUER, issuer.url())
                .add(MetadataNames.SUBJECT_TYPES_SUPPORTED, List.of("public", "pairwise"));

        JsonObject json = DiscoveryResource.build(issuer, List.of(polite)).toJson();

        assertThat(json.getString(MetadataNames.ISSUER)).isEqualTo("https://sso.example.com");
        assertThat(strings(json, MetadataNames.SUBJECT_TYPES_SUPPORTED)).containsExactly("public", "pairwise");
    }
}
