package dev.tessera.client;

import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.Use;
import org.jose4j.keys.EllipticCurves;

/**
 * What makes a client's public key acceptable for verifying its signatures (client assertions, RFC 7523):
 * RSA of at least 2048 bits (RFC 7518 §3.3: "A key of size 2048 bits or larger MUST be used"), EC on P-256,
 * P-384 or P-521 only (RFC 7518 §6.2.1.1), Ed25519 or Ed448 (RFC 8037 §2), never a symmetric key or a private
 * part, and no {@code use} or {@code alg} that makes it useless for a signature Tessera accepts (RFC 7517
 * §4.2, §4.4). The answer is the reason a key is refused, written for the client's developer.
 */
public final class ClientKeyRules {
    static final int MIN_RSA_BITS = 2048;
    static final Set<String> CURVES = Set.of(EllipticCurves.P_256, EllipticCurves.P_384, EllipticCurves.P_521);
    static final Set<String> EDWARDS_CURVES = Set.of(OctetKeyPairJsonWebKey.SUBTYPE_ED25519, OctetKeyPairJsonWebKey.SUBTYPE_ED448);

    private ClientKeyRules() {
    }

    /** Why {@code key} cannot verify a client's signature, or empty if it can. */
    public static Optional<String> refusal(JsonWebKey key) {
        String name = "key" + (key.getKeyId() != null ? " '" + key.getKeyId() + "'" : "");
        if (!(key instanceof PublicJsonWebKey pk)) {
            return Optional.of(name + " is a symmetric (" + key.getKeyType() + ") key; a JWK Set holds public keys only");
        }
        if (pk.getPrivateKey() != null) {
            return Optional.of(name + " contains its private part; publish the public key only");
        }
        if (key.getUse() != null && !Use.SIGNATURE.equals(key.getUse())) {
            return Optional.of(name + " has use '" + key.getUse() + "'; client keys verify signatures (use sig)");
        }
        if (key.getAlgorithm() != null && !ClientAssertionVerifier.ASYMMETRIC.contains(key.getAlgorithm())) {
            return Optional.of(name + " has alg '" + key.getAlgorithm() + "', not one of " + ClientAssertionAlgorithms.asymmetric());
        }
        if (key instanceof RsaJsonWebKey rsa) {
            int bits = ((RSAPublicKey) rsa.getPublicKey()).getModulus().bitLength();
            return bits >= MIN_RSA_BITS ? Optional.empty()
                    : Optional.of(name + " is an RSA key of " + bits + " bits; at least " + MIN_RSA_BITS + " are required");
        }
        if (key instanceof EllipticCurveJsonWebKey ec) {
            return CURVES.contains(ec.getCurveName()) ? Optional.empty()
                    : Optional.of(name + " is on curve " + ec.getCurveName() + "; only P-256, P-384 and P-521 are accepted");
        }
        if (key instanceof OctetKeyPairJsonWebKey okp) {
            return EDWARDS_CURVES.contains(okp.getSubtype()) ? Optional.empty()
                    : Optional.of(name + " is an " + okp.getSubtype() + " key; only Ed25519 and Ed448 sign");
        }
        return Optional.of(name + " has key type " + key.getKeyType() + ", which Tessera cannot verify signatures with");
    }
}
