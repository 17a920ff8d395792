package dev.tessera.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.openid.connect.sdk.claims.CodeHash;
import dev.tessera.keys.SigningAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * at_hash and c_hash (OpenID Connect Core §3.1.3.6, §3.3.2.11): the left half of the hash the signing
 * algorithm uses, base64url. Checked against the specification's examples, the JDK directly and the Nimbus SDK.
 */
class IdTokenHalfHashTest {
    static final String CODE = "Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk";

    @Test
    void theSpecificationsRs256Examples() {
        // OpenID Connect Core Appendix A.3 (at_hash) and A.4 (c_hash).
        assertThat(IdTokenIssuer.halfHash("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y", SigningAlgorithm.RS256))
                .isEqualTo("77QmUPtjPfzWtF2AnpK9RQ");
        assertThat(IdTokenIssuer.halfHash(CODE, SigningAlgorithm.RS256)).isEqualTo("LDktKdoQak3Pk0cnXxCltA");
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"RS256", "ES256", "PS256"})
    void the256BitAlgorithmsUseSha256(SigningAlgorithm alg) throws Exception {
        String hash = IdTokenIssuer.halfHash(CODE, alg);
        assertThat(hash).isEqualTo(leftHalf("SHA-256", CODE)).hasSize(22);
        assertThat(hash).isEqualTo(CodeHash.compute(new AuthorizationCode(CODE), JWSAlgorithm.parse(alg.jwsName())).getValue());
    }

    @Test
    void edDsaWithEd25519UsesSha512() throws Exception {
        String hash = IdTokenIssuer.halfHash(CODE, SigningAlgorithm.EDDSA);
        assertThat(hash).isEqualTo(leftHalf("SHA-512", CODE)).hasSize(43);
        assertThat(hash).isEqualTo(CodeHash.compute(new AuthorizationCode(CODE), JWSAlgorithm.EdDSA, Curve.Ed25519).getValue());
        assertThat(hash).isNotEqualTo(IdTokenIssuer.halfHash(CODE, SigningAlgorithm.RS256));
    }

    @Test
    void differentValuesHashDifferently() {
        assertThat(IdTokenIssuer.halfHash("a", SigningAlgorithm.ES256)).isNotEqualTo(IdTokenIssuer.halfHash("b", SigningAlgorithm.ES256));
    }

    private static String leftHalf(String digest, String value) throws Exception {
        byte[] hash = MessageDigest.getInstance(digest).digest(value.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(hash, 0, hash.length / 2));
    }
}
