package dev.tessera.token;

import static dev.tessera.token.TokenFixtures.NOW;
import static dev.tessera.token.TokenFixtures.client;
import static dev.tessera.token.TokenFixtures.grant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.client.AccessTokenFormat;
import dev.tessera.client.Client;
import dev.tessera.keys.LoadedKey;
import dev.tessera.keys.SigningAlgorithm;
import java.security.Key;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7662 §2.2 active or not: issued by {@link AccessTokenIssuer}, or forged and tampered with. */
class AccessTokenInspectorTest {
    private static final List<String> AUD = List.of("https://api.example.com");
    private final TokenFixtures f = new TokenFixtures();
    private final Client svc = client("svc", AccessTokenFormat.JWT);
    private final AccessTokenInspector inspector = f.inspectorAt(NOW.plusSeconds(5));
    private final LoadedKey es256 = f.ring.active(SigningAlgorithm.ES256).orElseThrow();

    @Test
    void anIssuedJwtIsActiveWithItsClaims() {
        IssuedAccessToken issued = f.issuer.issue(new AccessTokenGrant(svc, "alice", Set.of("read", "write"), AUD,
                Map.of("auth_time", 1_700_000_000L)));

        TokenClaims claims = inspector.inspect(issued.value()).orElseThrow();

        assertThat(claims.jti()).isEqualTo(issued.jti());
        assertThat(claims.clientId()).isEqualTo("svc");
        assertThat(claims.subject()).isEqualTo("alice");
        assertThat(claims.scope()).containsExactlyInAnyOrder("read", "write");
        assertThat(claims.audiences()).containsExactlyElementsOf(AUD);
        assertThat(claims.issuedAt()).isEqualTo(NOW);
        assertThat(claims.expiresAt()).isEqualTo(NOW.plus(TokenFixtures.LIFETIME));
        assertThat(claims.extra()).containsOnlyKeys("auth_time");
    }

    @Test
    void anRs256TokenIsActiveToo() {
        svc.accessTokenSigningAlg("RS256");
        assertThat(inspector.inspect(f.issuer.issue(grant(svc, Set.of(), AUD)).value())).isPresent();
    }

    @Test
    void aTokenSignedByAForeignKeyWithTheSameKidIsInactive() throws Exception {
        Key foreign = EcJwkGenerator.generateJwk(EllipticCurves.P256).getPrivateKey();
        assertThat(inspector.inspect(forge(foreign, "ES256", es256.kid(), jws -> { }))).isEmpty();
        // The same forgery with the real key is active: only the key made the difference.
        assertThat(inspector.inspect(forge(es256.jwk().getPrivateKey(), "ES256", es256.kid(), jws -> { }))).isPresent();
    }

    @Test
    void aTokenOfTypeJwtInsteadOfAtJwtIsInactive() {
        Key key = es256.jwk().getPrivateKey();
        assertThat(inspector.inspect(forge(key, "ES256", es256.kid(), jws -> jws.setHeader("typ", "JWT")))).isEmpty();
        assertThat(inspector.inspect(forge(key, "ES256", es256.kid(), jws -> jws.getHeaders().setObjectHeaderValue("typ", null))))
                .isEmpty();
        assertThat(inspector.inspect(forge(key, "ES256", es256.kid(), jws -> jws.setHeader("typ", "application/at+jwt"))))
                .isPresent();
    }

    @Test
    void anExpiredTokenIsInactive() {
        String token = f.issuer.issue(grant(svc, Set.of("read"), AUD)).value();
        java.time.Instant exp = NOW.plus(TokenFixtures.LIFETIME);

        assertThat(f.inspectorAt(exp.minusSeconds(1)).inspect(token)).isPresent();
        assertThat(f.inspectorAt(exp).inspect(token)).isEmpty();
        assertThat(f.inspectorAt(exp.plusSeconds(3600)).inspect(token)).isEmpty();
    }

    @Test
    void aRevokedTokenIsInactiveAndOthersStayActive() {
        IssuedAccessToken revoked = f.issuer.issue(grant(svc, Set.of("read"), AUD));
        IssuedAccessToken other = f.issuer.issue(grant(svc, Set.of("read"), AUD));

        f.revocations.revoke(revoked.jti(), NOW.plus(TokenFixtures.LIFETIME));

        assertThat(inspector.inspect(revoked.value())).isEmpty();
        assertThat(inspector.inspect(other.value())).isPresent();
    }

    @Test
    void anotherIssuerUnknownKidOrKeyUsedWithAnotherAlgorithmIsInactive() {
        Key key = es256.jwk().getPrivateKey();
        assertThat(inspector.inspect(forge(key, "ES256", es256.kid(), jws -> payload(jws, c -> c.setIssuer("https://evil.example"))))).isEmpty();
        assertThat(inspector.inspect(forge(key, "ES256", "es256-unknown", jws -> { }))).isEmpty();
        LoadedKey rs256 = f.ring.active(SigningAlgorithm.RS256).orElseThrow();
        assertThat(inspector.inspect(forge(rs256.jwk().getPrivateKey(), "PS256", rs256.kid(), jws -> { }))).isEmpty();
        assertThat(inspector.inspect(forge(null, "none", es256.kid(), jws -> { }))).isEmpty();
    }

    @Test
    void aTokenWithoutJtiOrExpIsInactive() {
        Key key = es256.jwk().getPrivateKey();
        assertThat(inspector.inspect(forge(key, "ES256", es256.kid(), jws -> payload(jws, c -> c.unsetClaim("jti"))))).isEmpty();
        assertThat(inspector.inspect(forge(key, "ES256", es256.kid(), jws -> payload(jws, c -> c.unsetClaim("exp"))))).isEmpty();
    }

    @Test
    void anOpaqueTokenIsActiveUntilItExpires() {
        IssuedAccessToken issued = f.issuer.issue(grant(client("o", AccessTokenFormat.OPAQUE), Set.of("read"), AUD));

        assertThat(inspector.inspect(issued.value())).map(TokenClaims::jti).contains(issued.jti());
        assertThat(f.inspectorAt(NOW.plus(TokenFixtures.LIFETIME)).inspect(issued.value())).isEmpty();
        assertThat(inspector.inspect(issued.value() + "x")).isEmpty();
    }

    @Test
    void anOpaqueTokenWhoseJtiWasRevokedIsInactive() {
        // A replayed code, a reused refresh token or a logout revokes the access token issued with it by its jti
        // (RevocationList.revokeAccessTokenOf), whatever its format: the opaque token's row stays, its jti is listed.
        IssuedAccessToken revoked = f.issuer.issue(grant(client("o", AccessTokenFormat.OPAQUE), Set.of("read"), AUD));
        IssuedAccessToken other = f.issuer.issue(grant(client("o", AccessTokenFormat.OPAQUE), Set.of("read"), AUD));

        f.revocations.revoke(revoked.jti(), NOW.plus(TokenFixtures.LIFETIME));

        assertThat(inspector.inspect(revoked.value())).isEmpty();
        assertThat(inspector.inspect(other.value())).isPresent();
    }

    @Test
    void anOpaqueTokenCarriesTheGrantsFurtherClaimsAsAJwtWould() {
        Map<String, Object> extra = Map.of("auth_time", 1_790_000_000L, "userinfo_claims", List.of("email", "phone_number"));
        Client web = client("o", AccessTokenFormat.OPAQUE);
        IssuedAccessToken opaque = f.issuer.issue(new AccessTokenGrant(web, "ada", Set.of("openid"), AUD, extra));
        IssuedAccessToken jwt = f.issuer.issue(new AccessTokenGrant(web, "ada", Set.of("openid"), AUD, extra), AccessTokenFormat.JWT);

        Map<String, Object> fromOpaque = inspector.inspect(opaque.value()).orElseThrow().extra();
        assertThat(fromOpaque).containsEntry("auth_time", 1_790_000_000L)
                .containsEntry("userinfo_claims", List.of("email", "phone_number"));
        assertThat(fromOpaque).isEqualTo(inspector.inspect(jwt.value()).orElseThrow().extra());
    }

    @Test
    void anOpaqueTokenWithoutFurtherClaimsHasNone() {
        IssuedAccessToken issued = f.issuer.issue(grant(client("o", AccessTokenFormat.OPAQUE), Set.of("read"), AUD));

        assertThat(inspector.inspect(issued.value()).orElseThrow().extra()).isEmpty();
    }

    /** The admin API's view: the same checks as inspect, every signed claim, and JWTs only. */
    @Test
    void verifiedJwtGivesTheSignedClaimsOfAnActiveJwtOnly() throws Exception {
        IssuedAccessToken issued = f.issuer.issue(grant(svc, Set.of("tessera:admin"), List.of(TokenFixtures.ISSUER)));

        JwtClaims claims = inspector.verifiedJwt(issued.value()).orElseThrow();
        assertThat(claims.getJwtId()).isEqualTo(issued.jti());
        assertThat(claims.getAudience()).containsExactly(TokenFixtures.ISSUER);
        assertThat(claims.getClaimValueAsString("scope")).isEqualTo("tessera:admin");

        Key foreign = EcJwkGenerator.generateJwk(EllipticCurves.P256).getPrivateKey();
        assertThat(inspector.verifiedJwt(forge(foreign, "ES256", es256.kid(), jws -> { }))).isEmpty();
        assertThat(f.inspectorAt(NOW.plus(TokenFixtures.LIFETIME)).verifiedJwt(issued.value())).isEmpty();
        IssuedAccessToken opaque = f.issuer.issue(grant(client("o", AccessTokenFormat.OPAQUE), Set.of("read"), AUD));
        assertThat(inspector.inspect(opaque.value())).isPresent();
        assertThat(inspector.verifiedJwt(opaque.value())).isEmpty();
        f.revocations.revoke(issued.jti(), NOW.plus(TokenFixtures.LIFETIME));
        assertThat(inspector.verifiedJwt(issued.value())).isEmpty();
        assertThat(inspector.verifiedJwt(null)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "a.b.c", "..", "eyJhbGciOiJub25lIn0.e30."})
    void garbageIsInactive(String token) {
        assertThat(inspector.inspect(token)).isEmpty();
    }

    @Test
    void anOversizedTokenIsInactiveWithoutParsing() {
        assertThat(inspector.inspect("a".repeat(8193))).isEmpty();
    }

    /** A token with the claims the issuer would write, signed as given, then changed by {@code edit}. */
    private String forge(Key key, String alg, String kid, Consumer<JsonWebSignature> edit) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TokenFixtures.ISSUER);
        claims.setSubject("svc");
        claims.setAudience(AUD);
        claims.setClaim("client_id", "svc");
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromMilliseconds(NOW.toEpochMilli()));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromMilliseconds(NOW.plusSeconds(600).toEpochMilli()));
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(alg);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "at+jwt");
        jws.setKey(key);
        edit.accept(jws);
        try {
            return jws.getCompactSerialization();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void payload(JsonWebSignature jws, Consumer<JwtClaims> change) {
        try {
            JwtClaims claims = JwtClaims.parse(jws.getUnverifiedPayload());
            change.accept(claims);
            jws.setPayload(claims.toJson());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
