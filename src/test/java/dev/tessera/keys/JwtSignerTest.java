package dev.tessera.keys;

import static dev.tessera.keys.TestKeys.ROTATION;
import static dev.tessera.keys.TestKeys.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.config.KeySettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Signs with each algorithm and verifies the way a relying party does: with the public JWK only. */
class JwtSignerTest {
    private final KeySettings settings = TestKeys.settings("RS256", "PS256", "ES256", "EdDSA");
    private final KeyEncryptor encryptor = TestKeys.encryptor(TestKeys.randomSecret());
    private final Instant now = T0.plus(ROTATION).minusSeconds(3600);

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void signsAJwtThatVerifiesWithThePublishedPublicKeyOnly(SigningAlgorithm algorithm) throws Exception {
        SigningKey active = TestKeys.stored(encryptor, algorithm, T0, T0.plus(ROTATION));
        SigningKey next = TestKeys.stored(encryptor, algorithm, T0.plus(ROTATION), null);
        JwtSigner signer = signer(List.of(active, next));

        String jwt = signer.sign(claims(), algorithm, "at+jwt");

        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(jwt);
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo(active.kid());
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo(algorithm.jwsName());
        assertThat(jws.getHeader("typ")).isEqualTo("at+jwt");

        JsonWebKey published = JsonWebKey.Factory.newJwk(active.publicJwk());
        assertThat(((PublicJsonWebKey) published).getPrivateKey()).isNull();
        JwtClaims verified = consumer(algorithm, new JsonWebKeySet(published)).processToClaims(jwt);
        assertThat(verified.getSubject()).isEqualTo("alice");
        assertThat(verified.getIssuer()).isEqualTo("https://sso.example.com");
        assertThat(verified.getStringClaimValue("scope")).isEqualTo("openid profile");
    }

    /** The thread keeps its initialised signature object between tokens; each token must still verify. */
    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void consecutiveTokensOfOneThreadEachVerify(SigningAlgorithm algorithm) throws Exception {
        SigningKey active = TestKeys.stored(encryptor, algorithm, T0, null);
        JwtSigner signer = signer(List.of(active));
        JsonWebKeySet published = new JsonWebKeySet(JsonWebKey.Factory.newJwk(active.publicJwk()));

        for (String subject : List.of("alice", "bob", "carol")) {
            JwtClaims claims = claims();
            claims.setSubject(subject);
            assertThat(consumer(algorithm, published).processToClaims(signer.sign(claims, algorithm, "at+jwt")).getSubject())
                    .isEqualTo(subject);
        }
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ES256", "EDDSA"})
    void aSignatureDoesNotVerifyWithAnotherKeyUnderTheSameKid(SigningAlgorithm algorithm) throws Exception {
        SigningKey active = TestKeys.stored(encryptor, algorithm, T0, null);
        String jwt = signer(List.of(active)).sign(claims(), algorithm, null);
        PublicJsonWebKey impostor = algorithm.generate(2048);
        impostor.setKeyId(active.kid());

        JsonWebKeySet wrong = new JsonWebKeySet(JsonWebKey.Factory.newJwk(
                impostor.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));

        assertThatThrownBy(() -> consumer(algorithm, wrong).processToClaims(jwt)).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void withoutTypTheHeaderHasNone() throws Exception {
        SigningAlgorithm algorithm = SigningAlgorithm.ES256;
        String jwt = signer(List.of(TestKeys.stored(encryptor, algorithm, T0, null))).sign(claims(), algorithm, null);

        assertThat(((JsonWebSignature) JsonWebSignature.fromCompactSerialization(jwt)).getHeader("typ")).isNull();
    }

    @Test
    void anAlgorithmWithoutActiveKeyCannotSign() {
        JwtSigner signer = signer(List.of(TestKeys.stored(encryptor, SigningAlgorithm.ES256, T0, null)));

        assertThatThrownBy(() -> signer.sign(claims(), SigningAlgorithm.RS256, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RS256");
    }

    private JwtSigner signer(List<SigningKey> stored) {
        JwtSigner signer = new JwtSigner();
        signer.ring = TestKeys.ring(settings, encryptor, Clock.fixed(now, ZoneOffset.UTC), stored);
        return signer;
    }

    private static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://sso.example.com");
        claims.setSubject("alice");
        claims.setAudience("client-1");
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setIssuedAtToNow();
        claims.setClaim("scope", "openid profile");
        return claims;
    }

    private static JwtConsumer consumer(SigningAlgorithm algorithm, JsonWebKeySet jwks) {
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, algorithm.jwsName())
                .setExpectedIssuer("https://sso.example.com")
                .setExpectedAudience("client-1")
                .setRequireExpirationTime()
                .build();
    }
}
