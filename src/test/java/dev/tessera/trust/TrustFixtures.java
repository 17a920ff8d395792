package dev.tessera.trust;

import dev.tessera.config.TokenSettings;
import dev.tessera.persistence.ReplayGuard;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * The assertion verifier wired by hand over trusted issuers in a map and an in-memory replay guard,
 * with helpers that sign assertions as an external identity provider would (RFC 7523 §3).
 */
public final class TrustFixtures {
    public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    public static final String TOKEN_ENDPOINT = "https://sso.example.com/token";
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    public static final Duration SKEW = Duration.ofSeconds(30);
    /** RSA key generation is slow: one key pair for every test. */
    public static final PublicJsonWebKey RSA = generate(true, "idp-rsa-1");
    public static final PublicJsonWebKey EC = generate(false, "idp-ec-1");

    public final FakeIssuers issuers = new FakeIssuers();
    public final FakeReplay replay = new FakeReplay();
    public final IssuerAssertionVerifier verifier = new IssuerAssertionVerifier();

    public TrustFixtures() {
        verifier.issuers = issuers;
        verifier.keys = new IssuerKeys();
        verifier.replay = replay;
        verifier.settings = new TokenSettings(Duration.ofMinutes(10), "ES256", MAX_LIFETIME, SKEW, Duration.ofMinutes(10),
                Duration.ofHours(10), Duration.ofMinutes(30), Duration.ZERO, Duration.ofDays(30));
        verifier.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** Trusts {@code iss} with the RSA and EC keys, for any subject and client, mapping subjects as given. */
    public TrustedIssuer trust(String id, String iss, SubjectMapping mapping) {
        TrustedIssuer issuer = new TrustedIssuer(id, NOW.minusSeconds(3600));
        issuer.issuer(iss);
        issuer.jwks(new JsonWebKeySet(RSA, EC).toJson(OutputControlLevel.PUBLIC_ONLY));
        issuer.allowedSubjects(Set.of(TrustedIssuer.ANY));
        issuer.allowedClients(Set.of(TrustedIssuer.ANY));
        issuer.subjectMapping(mapping);
        issuers.byIssuer.put(iss, issuer);
        return issuer;
    }

    /** Valid claims: iss, sub, aud the token endpoint, exp in a minute, iat now, a fresh jti. */
    @SafeVarargs
    public static JwtClaims claims(String iss, String sub, Consumer<JwtClaims>... changes) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(iss);
        claims.setSubject(sub);
        claims.setAudience(TOKEN_ENDPOINT);
        claims.setIssuedAt(NumericDate.fromMilliseconds(NOW.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(NOW.plusSeconds(60).toEpochMilli()));
        claims.setGeneratedJwtId();
        for (Consumer<JwtClaims> change : changes) {
            change.accept(claims);
        }
        return claims;
    }

    public static String sign(String alg, Key key, String kid, JwtClaims claims) {
        return sign(alg, key, kid, claims, jws -> { });
    }

    /** Signs without any algorithm restriction, as an attacker's library would; {@code headers} may add more. */
    public static String sign(String alg, Key key, String kid, JwtClaims claims, Consumer<JsonWebSignature> headers) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(alg);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        jws.setKey(key);
        headers.accept(jws);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PublicJsonWebKey generate(boolean rsa, String kid) {
        try {
            PublicJsonWebKey jwk = rsa ? RsaJwkGenerator.generateJwk(2048) : EcJwkGenerator.generateJwk(EllipticCurves.P256);
            jwk.setKeyId(kid);
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusted issuers in a map, by issuer identifier; disabled ones are not trusted, as in the service. */
    public static final class FakeIssuers extends TrustedIssuers {
        public final Map<String, TrustedIssuer> byIssuer = new HashMap<>();

        @Override
        public Optional<TrustedIssuer> trusted(String iss) {
            return Optional.ofNullable(byIssuer.get(iss)).filter(TrustedIssuer::enabled);
        }
    }

    /** The replay guard without a database. */
    public static final class FakeReplay extends ReplayGuard {
        public final Set<String> seen = new HashSet<>();

        @Override
        public boolean firstUse(String purpose, String id, Instant expiresAt) {
            return seen.add(purpose + "\u0000" + id);
        }
    }
}
