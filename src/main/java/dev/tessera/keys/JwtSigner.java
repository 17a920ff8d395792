package dev.tessera.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Signs JWTs with the active key of the requested algorithm; everything Tessera signs goes through here. */
@ApplicationScoped
public class JwtSigner {

    @Inject
    KeyRing ring;

    /**
     * @param typ the {@code typ} header, e.g. {@code at+jwt} for RFC 9068 access tokens; null for none
     * @throws IllegalStateException when the algorithm has no active key (not enabled, or start-up failed)
     */
    public String sign(JwtClaims claims, SigningAlgorithm algorithm, String typ) {
        LoadedKey key = ring.active(algorithm).orElseThrow(() -> new IllegalStateException(
                "No active " + algorithm.jwsName() + " signing key; is it enabled in tessera.keys.algorithms?"));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm.jwsName());
        jws.setKeyIdHeaderValue(key.kid());
        if (typ != null) {
            jws.setHeader("typ", typ);
        }
        jws.setKey(key.jwk().getPrivateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Signing with " + key.kid() + " failed", e);
        }
    }
}
