package dev.tessera.trust;

import static dev.tessera.oauth.OAuthAssertions.thrown;
import static dev.tessera.trust.TrustFixtures.EC;
import static dev.tessera.trust.TrustFixtures.NOW;
import static dev.tessera.trust.TrustFixtures.RSA;
import static dev.tessera.trust.TrustFixtures.TOKEN_ENDPOINT;
import static dev.tessera.trust.TrustFixtures.claims;
import static dev.tessera.trust.TrustFixtures.sign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

/** RFC 7523 §3 for assertions of trusted issuers, and the JOSE rules of SECURITY-BCP.md. */
class IssuerAssertionVerifierTest {
    private static final String IDP = "https://idp.example.com";
    private static final List<String> AUDIENCES = List.of("https://sso.example.com", TOKEN_ENDPOINT);
    private static final PublicJsonWebKey STRANGER = TrustFixtures.generate(false, "idp-ec-1");

    private final TrustFixtures f = new TrustFixtures();
    private final TrustedIssuer idp = f.trust("idp", IDP, SubjectMapping.SERVICE);

    private VerifiedAssertion verify(String assertion) {
        return f.verifier.verify(assertion, AUDIENCES);
    }

    private OAuthException refused(String assertion) {
        return thrown(OAuthError.INVALID_GRANT, () -> verify(assertion));
    }

    private static JwtClaims at(JwtClaims claims, String name, long secondsFromNow) {
        claims.setNumericDateClaim(name, NumericDate.fromSeconds(NOW.getEpochSecond() + secondsFromNow));
        return claims;
    }

    @Test
    void anRs256AssertionOfATrustedIssuerVerifies() {
        VerifiedAssertion verified = verify(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", claims(IDP, "svc-reports")));

        assertThat(verified.issuer()).isSameAs(idp);
        assertThat(verified.subject()).isEqualTo("svc-reports");
        assertThat(verified.expiresAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(f.replay.seen).as("not consumed before the grant says so").isEmpty();
    }

    @Test
    void es256WithoutKidAndTheIssuerAsAudienceVerifies() {
        JwtClaims claims = claims(IDP, "svc", c -> c.setAudience("https://sso.example.com"));
        assertThat(verify(sign("ES256", EC.getPrivateKey(), null, claims)).subject()).isEqualTo("svc");
    }

    @Test
    void theJtiIsSingleUsePerIssuer() {
        VerifiedAssertion verified = verify(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", claims(IDP, "svc")));
        f.verifier.consume(verified);

        OAuthException replay = thrown(OAuthError.INVALID_GRANT, () -> f.verifier.consume(verified));
        assertThat(replay.description()).contains("already used");
        assertThat(f.replay.seen).containsExactly("jwt-bearer\u0000" + IDP + "\u0000" + verified.jti());
    }

    @Test
    void anUntrustedOrDisabledIssuerIsRefused() {
        assertThat(refused(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", claims("https://evil.example.com", "svc"))).description())
                .isEqualTo(IssuerAssertionVerifier.UNTRUSTED);
        idp.enabled(false);
        refused(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", claims(IDP, "svc")));
    }

    @Test
    void algNoneIsRefused() {
        refused(sign(AlgorithmIdentifiers.NONE, null, null, claims(IDP, "svc")));
    }

    @Test
    void hmacKeyedWithTheIssuersPublicKeyIsRefused() {
        refused(sign("HS256", new HmacKey(RSA.getPublicKey().getEncoded()), "idp-rsa-1", claims(IDP, "svc")));
        HmacKey jwkText = new HmacKey(RSA.toJson(OutputControlLevel.PUBLIC_ONLY).getBytes(StandardCharsets.UTF_8));
        refused(sign("HS256", jwkText, null, claims(IDP, "svc")));
    }

    @Test
    void aKeyNamedInTheHeaderIsNeverUsed() {
        PublicJsonWebKey attacker = TrustFixtures.generate(false, "attacker");
        refused(sign("ES256", attacker.getPrivateKey(), "attacker", claims(IDP, "svc"),
                jws -> jws.setJwkHeader(attacker)));
        refused(sign("ES256", attacker.getPrivateKey(), null, claims(IDP, "svc"),
                jws -> jws.setHeader("jku", "https://evil.example.com/jwks")));
        // Same kid as the issuer's key, different key: the signature decides.
        refused(sign("ES256", STRANGER.getPrivateKey(), "idp-ec-1", claims(IDP, "svc")));
    }

    @Test
    void theAlgorithmIsPinnedToTheIssuersListAndTheKey() {
        idp.algorithms(Set.of("RS256"));
        refused(sign("ES256", EC.getPrivateKey(), "idp-ec-1", claims(IDP, "svc")));
        // PS256 with the RSA key would verify, but the issuer allows RS256 only.
        refused(sign("PS256", RSA.getPrivateKey(), "idp-rsa-1", claims(IDP, "svc")));
        // RS256 naming the EC key's kid: the key's type decides, and no RSA key has that kid.
        idp.algorithms(Set.of());
        refused(sign("RS256", RSA.getPrivateKey(), "idp-ec-1", claims(IDP, "svc")));
    }

    @Test
    void anHmacAlgorithmInTheIssuersListIsIgnored() {
        idp.algorithms(Set.of("HS256", "RS256"));
        assertThat(IssuerAssertionVerifier.permitted(idp)).containsExactly("RS256");
    }

    @Test
    void theAudienceMustNameThisServer() {
        assertThat(refused(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1",
                claims(IDP, "svc", c -> c.setAudience("https://other.example.com/token")))).description()).contains("aud");
        refused(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", claims(IDP, "svc", c -> c.unsetClaim("aud"))));
    }

    @Test
    void subExpAndJtiAreRequired() {
        refused(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", claims(IDP, "svc", c -> c.unsetClaim("sub"))));
        refused(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", claims(IDP, "svc", c -> c.unsetClaim("exp"))));
        assertThat(refused(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", claims(IDP, "svc", c -> c.unsetClaim("jti"))))
                .description()).contains("jti");
    }

    @Test
    void expiredOrTooLongLivedAssertionsAreRefused() {
        assertThat(refused(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", at(at(claims(IDP, "svc"), "iat", -60), "exp", -31))).description())
                .contains("expired");
        assertThat(refused(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", at(claims(IDP, "svc"), "exp", 5 * 60 + 31)))
                .description()).contains("too far");
        // Within the clock skew is fine both ways.
        verify(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", at(claims(IDP, "svc"), "exp", 5 * 60 + 30)));
        verify(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", at(at(claims(IDP, "svc"), "iat", -60), "exp", -29)));
    }

    @Test
    void theIssuersOwnMaximumLifetimeWins() {
        idp.maxAssertionLifetimeSeconds(60);
        refused(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", at(claims(IDP, "svc"), "exp", 120)));
        verify(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", at(claims(IDP, "svc"), "exp", 90)));
    }

    @Test
    void nbfAndIatInTheFutureAreRefused() {
        refused(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", at(claims(IDP, "svc"), "nbf", 60)));
        refused(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", at(claims(IDP, "svc"), "iat", 31)));
        verify(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", at(claims(IDP, "svc"), "iat", 30)));
        // An iat older than the lifetime allows: the assertion was kept too long.
        assertThat(refused(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", at(claims(IDP, "svc"), "iat", -3600))).description())
                .contains("too long ago");
        verify(sign("RS256", RSA.getPrivateKey(), "idp-rsa-1", at(claims(IDP, "svc", c -> c.unsetClaim("iat")), "nbf", -10)));
    }

    @Test
    void garbageIsInvalidGrantNotAServerError() {
        refused("not-a-jwt");
        refused("a.b.c");
    }
}
