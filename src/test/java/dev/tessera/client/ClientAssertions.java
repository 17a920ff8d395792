package dev.tessera.client;

import static dev.tessera.client.ClientFixtures.NOW;

import java.security.Key;
import java.time.Instant;
import java.util.function.Consumer;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/** Client assertions as a client would build them (RFC 7523 §3), signed with jose4j and no restrictions. */
final class ClientAssertions {
    private ClientAssertions() {
    }

    /** Valid claims for that client: iss = sub = client_id, aud the token endpoint, exp in a minute, a fresh jti. */
    @SafeVarargs
    static JwtClaims claims(String clientId, Consumer<JwtClaims>... changes) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(clientId);
        claims.setSubject(clientId);
        claims.setAudience(ClientFixtures.TOKEN_ENDPOINT);
        claims.setIssuedAt(NumericDate.fromMilliseconds(NOW.toEpochMilli()));
        exp(claims, NOW.plusSeconds(60));
        claims.setGeneratedJwtId();
        for (Consumer<JwtClaims> change : changes) {
            change.accept(claims);
        }
        return claims;
    }

    static void exp(JwtClaims claims, Instant at) {
        claims.setExpirationTime(NumericDate.fromMilliseconds(at.toEpochMilli()));
    }

    static String sign(String alg, Key key, String kid, JwtClaims claims) {
        try {
            return jws(alg, key, kid, claims).getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonWebSignature jws(String alg, Key key, String kid, JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(alg);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        jws.setKey(key);
        return jws;
    }

    static PublicJsonWebKey generate(boolean rsa, String kid) {
        try {
            PublicJsonWebKey jwk = rsa ? RsaJwkGenerator.generateJwk(2048) : EcJwkGenerator.generateJwk(EllipticCurves.P256);
            jwk.setKeyId(kid);
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
