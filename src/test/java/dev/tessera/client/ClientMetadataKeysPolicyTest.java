package dev.tessera.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.oauth.OAuthAssertions;
import dev.tessera.oauth.OAuthError;
import java.util.Arrays;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Key-related metadata (RFC 7591 §2 jwks, jwks_uri; OpenID Connect Registration token_endpoint_auth_signing_alg). */
class ClientMetadataKeysPolicyTest {
    private static final PublicJsonWebKey KEY = ecKey();
    private final MetadataFixtures f = new MetadataFixtures();

    @Test
    void privateKeyJwtWithPublicKeysIsAccepted() {
        f.apply(privateKeyJwt("\"jwks\": " + jwks(false) + ", \"token_endpoint_auth_signing_alg\": \"ES256\""));

        assertThat(f.client.authMethod()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(f.client.jwks()).contains(KEY.getKeyId()).doesNotContain("\"d\"");
        assertThat(f.client.authSigningAlg()).isEqualTo("ES256");
    }

    @Test
    void privateKeyJwtWithAnHttpsJwksUriIsAccepted() {
        f.apply(privateKeyJwt("\"jwks_uri\": \"https://app.example.com/jwks\""));
        assertThat(f.client.jwksUri()).isEqualTo("https://app.example.com/jwks");
        assertThat(f.client.jwks()).isNull();
    }

    @Test
    void aJwksUriThatIsNotAUriIsRefusedAtRegistrationNotAtFetchTime() {
        f.refused(OAuthError.INVALID_CLIENT_METADATA, privateKeyJwt("\"jwks_uri\": \"https://a b/jwks\""));
        f.refused(OAuthError.INVALID_CLIENT_METADATA, privateKeyJwt("\"jwks_uri\": \"https:///jwks\""));
    }

    @Test
    void jwksAndJwksUriTogetherAreRefused() {
        f.refused(OAuthError.INVALID_CLIENT_METADATA, privateKeyJwt("\"jwks\": " + jwks(false)
                + ", \"jwks_uri\": \"https://app.example.com/jwks\""));
    }

    @Test
    void jwksWithPrivateKeyMaterialIsRefused() {
        f.refused(OAuthError.INVALID_CLIENT_METADATA, privateKeyJwt("\"jwks\": " + jwks(true)));
    }

    @Test
    void jwksWithASymmetricKeyIsRefused() {
        f.refused(OAuthError.INVALID_CLIENT_METADATA, privateKeyJwt(
                "\"jwks\": {\"keys\": [{\"kty\": \"oct\", \"k\": \"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA\"}]}"));
    }

    /** Issue 18 point 5: weak or unusable keys are refused at registration and in the admin API, with the reason. */
    @Test
    void weakAndUnusableKeysAreRefusedNamingWhy() throws JoseException {
        RsaJsonWebKey rsa1024 = RsaJwkGenerator.generateJwk(1024);
        rsa1024.setKeyId("old");
        assertThat(refusal(set(rsa1024)))
                .contains("'old'", "1024 bits", "2048");
        // A curve the JDK cannot even build a key on (secp256k1) is refused as unreadable before any rule.
        f.refused(OAuthError.INVALID_CLIENT_METADATA, privateKeyJwt("\"jwks\": {\"keys\": [{\"kty\": \"EC\", \"crv\": \"secp256k1\","
                + " \"x\": \"" + KEY.toParams(OutputControlLevel.PUBLIC_ONLY).get("x") + "\", \"y\": \""
                + KEY.toParams(OutputControlLevel.PUBLIC_ONLY).get("y") + "\"}]}"));
        PublicJsonWebKey encryption = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        encryption.setUse("enc");
        assertThat(refusal(set(encryption)))
                .contains("use 'enc'");
        PublicJsonWebKey wrongAlg = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        wrongAlg.setAlgorithm("HS256");
        assertThat(refusal(set(wrongAlg)))
                .contains("alg 'HS256'");
        PublicJsonWebKey x25519 = OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_X25519);
        assertThat(refusal(set(x25519)))
                .contains("X25519");
    }

    @Test
    void strongKeysOfEveryAcceptedKindPass() throws JoseException {
        PublicJsonWebKey rsa = RsaJwkGenerator.generateJwk(2048);
        rsa.setUse("sig");
        rsa.setAlgorithm("PS256");
        f.apply(privateKeyJwt("\"jwks\": " + set(rsa, EcJwkGenerator.generateJwk(EllipticCurves.P521),
                OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519))));
        assertThat(f.client.jwks()).contains("PS256");
    }

    private String refusal(String jwks) {
        return OAuthAssertions.thrown(OAuthError.INVALID_CLIENT_METADATA, () -> f.apply(privateKeyJwt("\"jwks\": " + jwks))).description();
    }

    private static String set(PublicJsonWebKey... keys) {
        return "{\"keys\": [" + String.join(",", Arrays.stream(keys).map(k -> k.toJson(OutputControlLevel.PUBLIC_ONLY)).toList()) + "]}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"keys\": 5}", "{\"keys\": [5]}", "{\"keys\": [\"x\"]}", "{\"keys\": [null]}",
            "{\"keys\": [{\"kty\": \"EC\"}]}", "{\"keys\": [{\"kty\": \"XYZ\", \"d\": \"secret\"}]}"})
    void aJwksThatIsNotAllReadableIsRefusedNotA500(String jwks) {
        f.refused(OAuthError.INVALID_CLIENT_METADATA, privateKeyJwt("\"jwks\": " + jwks));
    }

    @Test
    void oneUnreadableMemberBesideAGoodKeyIsRefused() {
        String mixed = "{\"keys\": [" + KEY.toJson(OutputControlLevel.PUBLIC_ONLY) + ", {\"kty\": \"RSA\", \"n\": 1}]}";
        f.refused(OAuthError.INVALID_CLIENT_METADATA, privateKeyJwt("\"jwks\": " + mixed));
    }

    @Test
    void privateKeyJwtWithoutKeysIsRefused() {
        f.refused(OAuthError.INVALID_CLIENT_METADATA, privateKeyJwt(""));
    }

    @Test
    void aPlainHttpJwksUriIsRefused() {
        f.refused(OAuthError.INVALID_CLIENT_METADATA, privateKeyJwt("\"jwks_uri\": \"http://app.example.com/jwks\""));
    }

    @Test
    void theAuthSigningAlgMustFitTheMethod() {
        String keys = "\"jwks\": " + jwks(false);
        f.refused(OAuthError.INVALID_CLIENT_METADATA, privateKeyJwt(keys + ", \"token_endpoint_auth_signing_alg\": \"HS256\""));
        f.refused(OAuthError.INVALID_CLIENT_METADATA, privateKeyJwt(keys + ", \"token_endpoint_auth_signing_alg\": \"none\""));
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{\"token_endpoint_auth_method\": \"client_secret_jwt\","
                + " \"grant_types\": [\"client_credentials\"], \"token_endpoint_auth_signing_alg\": \"RS256\"}");
        f.refused(OAuthError.INVALID_CLIENT_METADATA, "{\"grant_types\": [\"client_credentials\"],"
                + " \"token_endpoint_auth_signing_alg\": \"HS256\"}");
    }

    @Test
    void clientSecretJwtTakesAnHmacAlgorithm() {
        f.apply("{\"token_endpoint_auth_method\": \"client_secret_jwt\", \"grant_types\": [\"client_credentials\"],"
                + " \"token_endpoint_auth_signing_alg\": \"HS512\"}");
        assertThat(f.client.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_JWT);
        assertThat(f.client.authSigningAlg()).isEqualTo("HS512");
    }

    private static String privateKeyJwt(String members) {
        return "{\"token_endpoint_auth_method\": \"private_key_jwt\", \"grant_types\": [\"client_credentials\"]"
                + (members.isEmpty() ? "" : ", " + members) + "}";
    }

    private static String jwks(boolean withPrivate) {
        return "{\"keys\": [" + KEY.toJson(withPrivate ? OutputControlLevel.INCLUDE_PRIVATE : OutputControlLevel.PUBLIC_ONLY) + "]}";
    }

    private static PublicJsonWebKey ecKey() {
        try {
            PublicJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId("client-key-1");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
