package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Set;

/** A client per signing algorithm, its client_credentials token, and the Nimbus SDK's verdict on it. */
final class AlgorithmTokens {

    private AlgorithmTokens() {
    }

    /** Creates client {@code prefix + alg}, gets a token and returns its client_id once the JWKS verified it. */
    static String verifiedClientId(String prefix, String alg) throws Exception {
        String id = prefix + alg.toLowerCase();
        JsonObject client = Admin.createClient("{\"client_id\":\"" + id + "\",\"grant_types\":[\"client_credentials\"],"
                + "\"scope\":\"read\",\"access_token_signing_alg\":\"" + alg + "\"}");
        var response = Http.send(Http.request("/token")
                .header("Authorization", Admin.basic(id, client.getString("client_secret")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = Admin.json(response.body()).getString("access_token");

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo(alg);
        if (alg.equals("EdDSA")) {
            // Nimbus's key selectors cannot turn an OKP JWK into a Java key; its Ed25519 verifier takes the JWK itself.
            OctetKeyPair key = (OctetKeyPair) JWKSet.load(new URL(TesseraDeployment.issuer() + "/jwks"))
                    .getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(jwt.verify(new Ed25519Verifier(key))).as("Ed25519 signature").isTrue();
            assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(TesseraDeployment.issuer());
            return jwt.getJWTClaimsSet().getStringClaim("client_id");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.parse(alg),
                JWKSourceBuilder.create(new URL(TesseraDeployment.issuer() + "/jwks")).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(TesseraDeployment.issuer(),
                new JWTClaimsSet.Builder().issuer(TesseraDeployment.issuer()).subject(id).build(), Set.of("exp", "jti")));
        return processor.process(token, null).getStringClaim("client_id");
    }
}
