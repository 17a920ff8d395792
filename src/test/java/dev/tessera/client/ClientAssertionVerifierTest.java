package dev.tessera.client;

import static dev.tessera.client.ClientAssertions.claims;
import static dev.tessera.client.ClientAssertions.exp;
import static dev.tessera.client.ClientAssertions.generate;
import static dev.tessera.client.ClientAssertions.jws;
import static dev.tessera.client.ClientAssertions.sign;
import static dev.tessera.client.ClientFixtures.MAX_ASSERTION_LIFETIME;
import static dev.tessera.client.ClientFixtures.NOW;
import static dev.tessera.client.ClientFixtures.SKEW;
import static dev.tessera.oauth.OAuthAssertions.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/** private_key_jwt and client_secret_jwt (RFC 7523 §3, OpenID Connect Core §9), through the authenticator. */
class ClientAssertionVerifierTest {
    private static final PublicJsonWebKey RSA = generate(true, "rsa-1");
    private static final PublicJsonWebKey EC = generate(false, "ec-1");
    private static final PublicJsonWebKey STRANGER = generate(false, "ec-1");
    private static final String HMAC_SECRET = "a-client-secret-long-enough-for-hs256-0123456789";

    private final ClientFixtures f = new ClientFixtures();
    private final Client keyClient = f.register("key-client", ClientAuthMethod.PRIVATE_KEY_JWT, null);
    private final Client hmacClient = f.register("hmac-client", ClientAuthMethod.CLIENT_SECRET_JWT, HMAC_SECRET);

    ClientAssertionVerifierTest() {
        keyClient.jwks(new JsonWebKeySet(RSA, EC).toJson(OutputControlLevel.PUBLIC_ONLY));
    }

    @Test
    void rs256SignedWithTheRegisteredKeyAuthenticates() {
        AuthenticatedClient result = f.authenticateWithAssertion(sign("RS256", RSA.getPrivateKey(), "rsa-1", claims("key-client")));

        assertThat(result.client()).isSameAs(keyClient);
        assertThat(result.method()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(f.replay.seen).hasSize(1);
        assertThat(f.replay.expiries).containsExactly(NOW.plusSeconds(60).plus(SKEW));
    }

    @Test
    void es256WithoutKidAuthenticatesAndTheIssuerAloneIsAValidAudience() {
        JwtClaims claims = claims("key-client", c -> c.setAudience(ClientFixtures.ISSUER));

        assertThat(f.authenticateWithAssertion(sign("ES256", EC.getPrivateKey(), null, claims)).client()).isSameAs(keyClient);
    }

    @Test
    void algNoneIsRefused() {
        refused(sign(AlgorithmIdentifiers.NONE, null, null, claims("key-client")));
    }

    @Test
    void hs256KeyedWithTheClientsRsaPublicKeyIsRefused() {
        HmacKey confused = new HmacKey(RSA.getPublicKey().getEncoded());
        refused(sign("HS256", confused, "rsa-1", claims("key-client")));
        HmacKey pem = new HmacKey(RSA.toJson(OutputControlLevel.PUBLIC_ONLY).getBytes(StandardCharsets.UTF_8));
        refused(sign("HS256", pem, null, claims("key-client")));
    }

    @Test
    void aWrongAudienceIsRefused() {
        OAuthException e = refused(sign("RS256", RSA.getPrivateKey(), "rsa-1",
                claims("key-client", c -> c.setAudience("https://other.example.com/token"))));
        assertThat(e.description()).contains("aud");
    }

    @Test
    void anIssuerOtherThanTheSubjectIsRefused() {
        OAuthException e = refused(sign("RS256", RSA.getPrivateKey(), "rsa-1", claims("key-client", c -> c.setIssuer("hmac-client"))));
        assertThat(e.description()).contains("iss and sub");
    }

    @Test
    void anExpiredAssertionIsRefused() {
        Instant past = NOW.minus(SKEW).minusSeconds(1);
        OAuthException e = refused(sign("RS256", RSA.getPrivateKey(), "rsa-1", claims("key-client", c -> exp(c, past))));
        assertThat(e.description()).contains("expired");
    }

    @Test
    void anExpFurtherAwayThanTheMaximumLifetimeIsRefused() {
        Instant tooLate = NOW.plus(MAX_ASSERTION_LIFETIME).plus(SKEW).plusSeconds(1);
        OAuthException e = refused(sign("RS256", RSA.getPrivateKey(), "rsa-1", claims("key-client", c -> exp(c, tooLate))));
        assertThat(e.description()).contains("too far");
        assertThat(f.replay.seen).isEmpty();
    }

    @Test
    void anExpAtTheMaximumLifetimeIsAccepted() {
        Instant latest = NOW.plus(MAX_ASSERTION_LIFETIME);
        assertThat(f.authenticateWithAssertion(sign("RS256", RSA.getPrivateKey(), "rsa-1",
                claims("key-client", c -> exp(c, latest)))).client()).isSameAs(keyClient);
    }

    @Test
    void aMissingJtiIsRefused() {
        OAuthException e = refused(sign("RS256", RSA.getPrivateKey(), "rsa-1", claims("key-client", c -> c.unsetClaim("jti"))));
        assertThat(e.description()).contains("jti");
    }

    @Test
    void aReplayedAssertionIsRefused() {
        String assertion = sign("ES256", EC.getPrivateKey(), "ec-1", claims("key-client"));
        f.authenticateWithAssertion(assertion);

        assertThat(refused(assertion).description()).contains("already used");
    }

    @Test
    void clientSecretJwtWithTheClientsSecretAuthenticates() {
        HmacKey key = new HmacKey(HMAC_SECRET.getBytes(StandardCharsets.UTF_8));

        AuthenticatedClient result = f.authenticateWithAssertion(sign("HS256", key, null, claims("hmac-client")));

        assertThat(result.client()).isSameAs(hmacClient);
        assertThat(result.method()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_JWT);
    }

    @Test
    void clientSecretJwtWithAnotherSecretIsRefused() {
        HmacKey key = new HmacKey("another-secret-of-the-same-length-for-hs256-01234567".getBytes(StandardCharsets.UTF_8));
        refused(sign("HS256", key, null, claims("hmac-client")));
    }

    @Test
    void clientSecretJwtRefusesAsymmetricSignatures() {
        refused(sign("RS256", RSA.getPrivateKey(), "rsa-1", claims("hmac-client")));
    }

    @Test
    void aPinnedSigningAlgorithmRefusesAnyOther() {
        keyClient.authSigningAlg("ES256");

        refused(sign("RS256", RSA.getPrivateKey(), "rsa-1", claims("key-client")));
        assertThat(f.authenticateWithAssertion(sign("ES256", EC.getPrivateKey(), "ec-1", claims("key-client"))).client())
                .isSameAs(keyClient);
    }

    @Test
    void aKeyCarriedInTheJwkHeaderIsNeverUsed() throws JoseException {
        JsonWebSignature jws = jws("ES256", STRANGER.getPrivateKey(), "ec-1", claims("key-client"));
        jws.setJwkHeader(STRANGER);

        refused(jws.getCompactSerialization());
    }

    @Test
    void aClientWithoutRegisteredKeysCannotUsePrivateKeyJwt() {
        keyClient.jwks(null);
        refused(sign("ES256", EC.getPrivateKey(), "ec-1", claims("key-client")));
    }

    @Test
    void aSecretClientCannotAuthenticateWithAnAssertion() {
        f.register("basic-client", ClientAuthMethod.CLIENT_SECRET_BASIC, HMAC_SECRET);
        HmacKey key = new HmacKey(HMAC_SECRET.getBytes(StandardCharsets.UTF_8));
        refused(sign("HS256", key, null, claims("basic-client")));
    }

    @Test
    void aWrongAssertionTypeIsInvalidRequest() {
        String assertion = sign("ES256", EC.getPrivateKey(), "ec-1", claims("key-client"));
        thrown(OAuthError.INVALID_REQUEST, () -> f.authenticate(null,
                "client_assertion_type=urn:ietf:params:oauth:client-assertion-type:saml2-bearer&client_assertion=" + assertion));
    }

    @Test
    void garbageIsInvalidClient() {
        refused("not-a-jwt");
    }

    private OAuthException refused(String assertion) {
        return thrown(OAuthError.INVALID_CLIENT, () -> f.authenticateWithAssertion(assertion));
    }
}
