package dev.tessera.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigningAlgorithmTest {

    @Test
    void namesAreTheJwsAlgHeaderValues() {
        assertThat(SigningAlgorithm.RS256.jwsName()).isEqualTo("RS256");
        assertThat(SigningAlgorithm.PS256.jwsName()).isEqualTo("PS256");
        assertThat(SigningAlgorithm.ES256.jwsName()).isEqualTo("ES256");
        assertThat(SigningAlgorithm.EDDSA.jwsName()).isEqualTo("EdDSA");
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void fromJwsNameFindsEachAlgorithmByItsHeaderValue(SigningAlgorithm algorithm) {
        assertThat(SigningAlgorithm.fromJwsName(algorithm.jwsName())).contains(algorithm);
    }

    @Test
    void noneAndUnknownOrMiscasedNamesAreNotAlgorithms() {
        assertThat(SigningAlgorithm.fromJwsName("none")).isEmpty();
        assertThat(SigningAlgorithm.fromJwsName("HS256")).isEmpty();
        assertThat(SigningAlgorithm.fromJwsName("rs256")).isEmpty();
        assertThat(SigningAlgorithm.fromJwsName("EDDSA")).isEmpty();
    }

    @Test
    void rsaAlgorithmsGenerateRsaKeysOfTheConfiguredSize() {
        PublicJsonWebKey rs = SigningAlgorithm.RS256.generate(2048);
        PublicJsonWebKey ps = SigningAlgorithm.PS256.generate(3072);

        assertThat(rs).isInstanceOf(RsaJsonWebKey.class);
        assertThat(((RsaJsonWebKey) rs).getRsaPublicKey().getModulus().bitLength()).isEqualTo(2048);
        assertThat(((RsaJsonWebKey) ps).getRsaPublicKey().getModulus().bitLength()).isEqualTo(3072);
        assertThat(rs.getPrivateKey()).isNotNull();
    }

    @Test
    void es256GeneratesAP256KeyAndEdDsaAnEd25519Key() {
        PublicJsonWebKey ec = SigningAlgorithm.ES256.generate(2048);
        PublicJsonWebKey okp = SigningAlgorithm.EDDSA.generate(2048);

        assertThat(ec).isInstanceOf(EllipticCurveJsonWebKey.class);
        assertThat(((EllipticCurveJsonWebKey) ec).getCurveName()).isEqualTo(EllipticCurves.P_256);
        assertThat(okp).isInstanceOf(OctetKeyPairJsonWebKey.class);
        assertThat(((OctetKeyPairJsonWebKey) okp).getSubtype()).isEqualTo(OctetKeyPairJsonWebKey.SUBTYPE_ED25519);
    }

    @Test
    void everyCallGeneratesAFreshKey() {
        PublicJsonWebKey first = SigningAlgorithm.ES256.generate(2048);
        PublicJsonWebKey second = SigningAlgorithm.ES256.generate(2048);

        assertThat(first.getPublicKey()).isNotEqualTo(second.getPublicKey());
    }
}
