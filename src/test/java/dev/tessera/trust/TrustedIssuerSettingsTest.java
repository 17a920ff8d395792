package dev.tessera.trust;

import static dev.tessera.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.oauth.OAuthError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import dev.tessera.persistence.EntityColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an administrator may store as a trusted issuer, and the matching of its allow-lists. */
class TrustedIssuerSettingsTest {
    private static final String JWKS = "{\"keys\":[" + TrustFixtures.EC.toJson(OutputControlLevel.PUBLIC_ONLY) + "]}";
    private static final String BASE = "\"issuer\":\"https://idp.example.com\",\"allowed_subjects\":[\"*\"],"
            + "\"allowed_clients\":[\"batch\"],\"subject_mapping\":\"service\"";

    private static TrustedIssuerSettings read(String members) {
        JsonObject json = Json.createReader(new StringReader("{" + members + "}")).readObject();
        return TrustedIssuerSettings.fromJson(json);
    }

    private static void refused(String members) {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> read(members));
    }

    @Test
    void aCompleteIssuerIsAppliedWithDefaults() {
        TrustedIssuer issuer = new TrustedIssuer("idp", Instant.EPOCH);
        read(BASE + ",\"jwks\":" + JWKS).applyTo(issuer);

        assertThat(issuer.issuer()).isEqualTo("https://idp.example.com");
        assertThat(issuer.jwks()).contains("\"kty\":\"EC\"");
        assertThat(issuer.algorithms()).isEmpty();
        assertThat(issuer.allowedAudiences()).isEmpty();
        assertThat(issuer.subjectMapping()).isEqualTo(SubjectMapping.SERVICE);
        assertThat(issuer.maxAssertionLifetimeSeconds()).isNull();
        assertThat(issuer.enabled()).isTrue();
        assertThat(TrustedIssuerJson.of(issuer).build().getString("subject_mapping")).isEqualTo("service");
    }

    @Test
    void jwksUriAndSettingsAreTaken() {
        TrustedIssuer issuer = new TrustedIssuer("idp", Instant.EPOCH);
        read(BASE + ",\"jwks_uri\":\"https://idp.example.com/jwks\",\"algorithms\":[\"ES256\"],\"max_assertion_lifetime\":120,"
                + "\"allowed_audiences\":[\"https://api.example.com\"],\"enabled\":false").applyTo(issuer);

        assertThat(issuer.jwksUri()).isEqualTo("https://idp.example.com/jwks");
        assertThat(issuer.algorithms()).containsExactly("ES256");
        assertThat(issuer.maxAssertionLifetimeSeconds()).isEqualTo(120);
        assertThat(issuer.enabled()).isFalse();
    }

    @Test
    void exactlyOneKeySourceIsRequired() {
        refused(BASE);
        refused(BASE + ",\"jwks\":" + JWKS + ",\"jwks_uri\":\"https://idp.example.com/jwks\"");
        refused(BASE + ",\"jwks_uri\":\"http://idp.example.com/jwks\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"keys\":[]}", "{\"keys\":5}", "{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}", "\"text\"",
            "{\"keys\":[{\"kty\":\"nonsense\"}]}"})
    void onlyPublicKeysInAValidSetAreAccepted(String jwks) {
        refused(BASE + ",\"jwks\":" + jwks);
    }

    @Test
    void privateKeysAreRefused() {
        refused(BASE + ",\"jwks\":{\"keys\":[" + TrustFixtures.EC.toJson(OutputControlLevel.INCLUDE_PRIVATE) + "]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "HS256", "rs256"})
    void onlyAsymmetricAlgorithms(String alg) {
        refused(BASE + ",\"jwks\":" + JWKS + ",\"algorithms\":[\"" + alg + "\"]");
    }

    @Test
    void subjectsClientsMappingAndIssuerAreRequired() {
        String keys = ",\"jwks\":" + JWKS;
        refused("\"allowed_subjects\":[\"*\"],\"allowed_clients\":[\"*\"],\"subject_mapping\":\"service\"" + keys);
        refused("\"issuer\":\"has space\",\"allowed_subjects\":[\"*\"],\"allowed_clients\":[\"*\"],\"subject_mapping\":\"service\"" + keys);
        refused("\"issuer\":\"i\",\"allowed_clients\":[\"*\"],\"subject_mapping\":\"service\"" + keys);
        refused("\"issuer\":\"i\",\"allowed_subjects\":[],\"allowed_clients\":[\"*\"],\"subject_mapping\":\"service\"" + keys);
        refused("\"issuer\":\"i\",\"allowed_subjects\":[\"*\"],\"subject_mapping\":\"service\"" + keys);
        refused("\"issuer\":\"i\",\"allowed_subjects\":[\"*\"],\"allowed_clients\":[\"*\"]" + keys);
        refused("\"issuer\":\"i\",\"allowed_subjects\":[\"*\"],\"allowed_clients\":[\"*\"],\"subject_mapping\":\"user\"" + keys);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "86401", "1.5", "\"60\""})
    void theLifetimeIsWholePositiveSeconds(String lifetime) {
        refused(BASE + ",\"jwks\":" + JWKS + ",\"max_assertion_lifetime\":" + lifetime);
    }

    @Test
    void patternsAreExactAnyOrAPrefix() {
        assertThat(TrustedIssuer.matches(java.util.Set.of("svc-*"), "svc-reports")).isTrue();
        assertThat(TrustedIssuer.matches(java.util.Set.of("svc-*"), "svc-")).isTrue();
        assertThat(TrustedIssuer.matches(java.util.Set.of("svc-*"), "sv")).isFalse();
        assertThat(TrustedIssuer.matches(java.util.Set.of("exact"), "exact2")).isFalse();
        assertThat(TrustedIssuer.matches(java.util.Set.of("*"), "anything")).isTrue();
        assertThat(TrustedIssuer.matches(java.util.Set.of("a.b"), "aXb")).as("no regular expressions").isFalse();
        assertThat(TrustedIssuer.matches(java.util.Set.of(), "x")).isFalse();
    }

    /** Issue 18 point 1: every text column at its length fits and one past is refused naming the column. */
    @Test
    void everyTextColumnOfATrustedIssuerTakesItsLengthAndRefusesOneMore() throws Exception {
        EntityColumns.assertEachColumnTakesItsLengthAndRefusesOneMore(new TrustedIssuer("idp", Instant.EPOCH));
    }
}
