package dev.tessera.keys;

import java.util.Arrays;
import java.util.Optional;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * The JWS algorithms Tessera signs with, each with the kind of key it needs. Every algorithm gets a
 * key of its own: a JWK names one {@code alg}, and RFC 7517 §4.4 lets verifiers refuse a key used
 * with another. {@code none} is not here and can never be chosen.
 */
public enum SigningAlgorithm {
    RS256(AlgorithmIdentifiers.RSA_USING_SHA256),
    PS256(AlgorithmIdentifiers.RSA_PSS_USING_SHA256),
    ES256(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256),
    EDDSA(AlgorithmIdentifiers.EDDSA);

    private final String jwsName;

    SigningAlgorithm(String jwsName) {
        this.jwsName = jwsName;
    }

    /** The {@code alg} header value (RFC 7518 §3.1, RFC 8037 §3.1). */
    public String jwsName() {
        return jwsName;
    }

    public static Optional<SigningAlgorithm> fromJwsName(String name) {
        return Arrays.stream(values()).filter(a -> a.jwsName.equals(name)).findFirst();
    }

    /** A fresh key pair for this algorithm; RSA keys get {@code rsaSize} bits (RFC 7518 §3.3: at least 2048). */
    public PublicJsonWebKey generate(int rsaSize) {
        try {
            return switch (this) {
                case RS256, PS256 -> RsaJwkGenerator.generateJwk(rsaSize);
                case ES256 -> EcJwkGenerator.generateJwk(EllipticCurves.P256);
                case EDDSA -> OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519);
            };
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot generate a " + jwsName + " key", e);
        }
    }
}
