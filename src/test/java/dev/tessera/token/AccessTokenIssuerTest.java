package dev.tessera.token;

import static dev.tessera.token.TokenFixtures.ISSUER;
import static dev.tessera.token.TokenFixtures.NOW;
import static dev.tessera.token.TokenFixtures.client;
import static dev.tessera.token.TokenFixtures.grant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.client.AccessTokenFormat;
import dev.tessera.client.Client;
import dev.tessera.config.ResourceAlgorithms;
import dev.tessera.keys.LoadedKey;
import dev.tessera.keys.SigningAlgorithm;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.Secrets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

/** RFC 9068 JWT access tokens and opaque ones. */
class AccessTokenIssuerTest {
    private static final Set<String> SCOPE = new LinkedHashSet<>(List.of("read", "write"));
    private static final List<String> AUD = List.of("https://api.example.com", "https://reports.example.com");
    private final TokenFixtures f = new TokenFixtures();
    private final Client svc = client("svc", AccessTokenFormat.JWT);

    @Test
    void aJwtAccessTokenCarriesTheRfc9068HeaderAndClaims() throws Exception {
        IssuedAccessToken issued = f.issuer.issue(grant(svc, SCOPE, AUD));

        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(issued.value());
        LoadedKey es256 = f.ring.active(SigningAlgorithm.ES256).orElseThrow();
        assertThat(jws.getHeader("typ")).isEqualTo("at+jwt");
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("ES256");
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo(es256.kid());

        JwtClaims claims = verifiedWithPublishedKeys(issued.value());
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo("svc");
        assertThat(claims.getAudience()).containsExactlyElementsOf(AUD);
        assertThat(claims.getStringClaimValue("client_id")).isEqualTo("svc");
        assertThat(claims.getStringClaimValue("scope")).isEqualTo("read write");
        assertThat(claims.getIssuedAt()).isEqualTo(NumericDate.fromMilliseconds(NOW.toEpochMilli()));
        assertThat(claims.getExpirationTime()).isEqualTo(NumericDate.fromMilliseconds(NOW.plus(TokenFixtures.LIFETIME).toEpochMilli()));
        assertThat(claims.getJwtId()).isEqualTo(issued.jti()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(issued.expiresIn()).isEqualTo(TokenFixtures.LIFETIME.toSeconds());
        assertThat(issued.scope()).containsExactly("read", "write");
    }

    @Test
    void aSingleAudienceIsStillTheIntendedResource() throws Exception {
        JwtClaims claims = verifiedWithPublishedKeys(f.issuer.issue(grant(svc, SCOPE, List.of("https://api.example.com"))).value());
        assertThat(claims.getAudience()).containsExactly("https://api.example.com");
    }

    @Test
    void theClientsOwnLifetimeAndAlgorithmWin() throws Exception {
        svc.accessTokenLifetimeSeconds(90);
        svc.accessTokenSigningAlg("RS256");

        IssuedAccessToken issued = f.issuer.issue(grant(svc, SCOPE, AUD));

        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(issued.value());
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo(f.ring.active(SigningAlgorithm.RS256).orElseThrow().kid());
        assertThat(issued.expiresIn()).isEqualTo(90);
        assertThat(verifiedWithPublishedKeys(issued.value()).getExpirationTime().getValue())
                .isEqualTo(NOW.plusSeconds(90).getEpochSecond());
    }

    @Test
    void aResourcesRequiredAlgorithmOutranksTheClients() throws Exception {
        svc.accessTokenSigningAlg("ES256");
        f.issuer.resourceAlgorithms = new ResourceAlgorithms(Map.of("https://reports.example.com", "RS256"));

        IssuedAccessToken issued = f.issuer.issue(grant(svc, SCOPE, AUD));

        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(issued.value());
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(verifiedWithPublishedKeys(issued.value()).getAudience()).containsExactlyElementsOf(AUD);
        assertThat(header(f.issuer.issue(grant(svc, SCOPE, List.of("https://api.example.com"))).value()))
                .as("a resource without a requirement keeps the client's algorithm").isEqualTo("ES256");
    }

    @Test
    void resourcesRequiringDifferentAlgorithmsAreAnInvalidTarget() {
        f.issuer.resourceAlgorithms = new ResourceAlgorithms(Map.of("https://api.example.com", "ES256",
                "https://reports.example.com", "RS256"));

        assertThatThrownBy(() -> f.issuer.issue(grant(svc, SCOPE, AUD)))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(OAuthError.INVALID_TARGET);
                    assertThat(e.getMessage()).contains("[ES256, RS256]");
                });
        assertThat(f.issuer.issue(grant(client("opaque", AccessTokenFormat.OPAQUE), SCOPE, AUD)).value())
                .as("an opaque token has no signature, so nothing conflicts").isNotBlank();
    }

    private static String header(String jwt) throws Exception {
        return ((JsonWebSignature) JsonWebSignature.fromCompactSerialization(jwt)).getAlgorithmHeaderValue();
    }

    @Test
    void withoutScopeThereIsNoScopeClaimAndExtraClaimsAreAdded() throws Exception {
        AccessTokenGrant grant = new AccessTokenGrant(svc, "alice", Set.of(), AUD, Map.of("auth_time", 1_700_000_000L));

        JwtClaims claims = verifiedWithPublishedKeys(f.issuer.issue(grant).value());

        assertThat(claims.hasClaim("scope")).isFalse();
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringClaimValue("client_id")).isEqualTo("svc");
        assertThat(claims.getClaimValue("auth_time", Long.class)).isEqualTo(1_700_000_000L);
    }

    @Test
    void everyTokenHasItsOwnJti() {
        IssuedAccessToken a = f.issuer.issue(grant(svc, SCOPE, AUD));
        IssuedAccessToken b = f.issuer.issue(grant(svc, SCOPE, AUD));

        assertThat(a.jti()).isNotEqualTo(b.jti());
        assertThat(a.value()).isNotEqualTo(b.value());
    }

    @Test
    void anOpaqueTokenIsRandomAndStoredOnlyAsItsHash() {
        Client opaque = client("opaque-client", AccessTokenFormat.OPAQUE);

        IssuedAccessToken issued = f.issuer.issue(grant(opaque, SCOPE, AUD));

        assertThat(issued.value()).doesNotContain(".").hasSize(43).isNotEqualTo(issued.jti());
        assertThat(f.opaqueTokens.byHash).containsOnlyKeys(Secrets.sha256Hex(issued.value()));
        TokenClaims stored = f.opaqueTokens.byHash.get(Secrets.sha256Hex(issued.value())).claims();
        assertThat(stored.jti()).isEqualTo(issued.jti());
        assertThat(stored.clientId()).isEqualTo("opaque-client");
        assertThat(stored.scope()).containsExactlyInAnyOrderElementsOf(SCOPE);
        assertThat(stored.audiences()).containsExactlyElementsOf(AUD);
        assertThat(stored.expiresAt()).isEqualTo(NOW.plus(TokenFixtures.LIFETIME));
    }

    /** As a resource server does it: the published public keys only, the at+jwt type required. */
    private JwtClaims verifiedWithPublishedKeys(String jwt) throws Exception {
        List<JsonWebKey> published = new java.util.ArrayList<>();
        for (LoadedKey key : f.ring.published()) {
            published.add(JsonWebKey.Factory.newJwk(key.jwk().toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
        }
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(published).getJsonWebKeys()))
                .setExpectedIssuer(ISSUER)
                .setExpectedAudience(true, "https://api.example.com")
                .setExpectedType(true, "at+jwt")
                .setEvaluationTime(NumericDate.fromMilliseconds(NOW.toEpochMilli()))
                .build().processToClaims(jwt);
    }
}
