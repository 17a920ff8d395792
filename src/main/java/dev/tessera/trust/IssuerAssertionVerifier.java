package dev.tessera.trust;

import dev.tessera.client.ClientAssertionAlgorithms;
import dev.tessera.config.TokenSettings;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.persistence.ReplayGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * Verifies a JWT bearer assertion (RFC 7523 §3) from a {@link TrustedIssuer}, as client assertions are
 * verified: the issuer's registered keys only, the algorithm permitted for the issuer and fitting the
 * key, never {@code none} or HMAC; {@code iss} trusted, {@code sub} present, {@code aud} naming this
 * server, {@code exp} required and near, {@code nbf} and {@code iat} not in the future, {@code jti}
 * required and usable once. Every failure is {@code invalid_grant} (RFC 7523 §3.1: the "error" parameter
 * "MUST be the invalid_grant error code").
 */
@ApplicationScoped
public class IssuerAssertionVerifier {
    static final String REPLAY_PURPOSE = "jwt-bearer";
    static final String UNTRUSTED = "The assertion is not from a trusted issuer";

    @Inject
    TrustedIssuers issuers;

    @Inject
    IssuerKeys keys;

    @Inject
    ReplayGuard replay;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    /**
     * @param audiences values one of which {@code aud} must carry: the issuer and the token endpoint URL
     */
    public VerifiedAssertion verify(String assertion, List<String> audiences) {
        // RFC 7523 §3 item 1: the JWT "MUST contain an iss (issuer) claim"; it picks the keys, and is then verified.
        String iss = unverifiedIssuer(assertion);
        TrustedIssuer issuer = issuers.trusted(iss).orElseThrow(() -> invalid(UNTRUSTED, "unknown or disabled issuer " + iss));
        Duration skew = settings.clockSkew();
        Duration maxLifetime = issuer.maxAssertionLifetimeSeconds() != null
                ? Duration.ofSeconds(issuer.maxAssertionLifetimeSeconds()) : settings.assertionMaxLifetime();
        JwksVerificationKeyResolver resolver = new JwksVerificationKeyResolver(keys.keysOf(issuer));
        resolver.setDisambiguateWithVerifySignature(true);
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setExpectedIssuer(iss)
                // RFC 7523 §3 item 2: "The JWT MUST contain a sub (subject) claim".
                .setRequireSubject()
                // RFC 7523 §3 item 3: "The JWT MUST contain an aud (audience) claim containing a value that
                // identifies the authorization server as an intended audience".
                .setExpectedAudience(audiences.toArray(String[]::new))
                // RFC 7523 §3 item 4: "The JWT MUST contain an exp (expiration time) claim".
                .setRequireExpirationTime()
                // Tessera demands jti (RFC 7523 §3 item 7 lets the server), to make each assertion single-use.
                .setRequireJwtId()
                // Items 5 and 6: nbf and iat, when present, are honoured; iat may be no older than the lifetime
                // (jose4j adds the clock skew to both bounds).
                .setIssuedAtRestrictions(0, (int) maxLifetime.toSeconds())
                .setAllowedClockSkewInSeconds((int) skew.toSeconds())
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        permitted(issuer).toArray(String[]::new)))
                .setVerificationKeyResolver(resolver);
        try {
            JwtClaims claims = builder.build().processToClaims(assertion);
            Instant exp = Instant.ofEpochMilli(claims.getExpirationTime().getValueInMillis());
            if (exp.isAfter(clock.instant().plus(maxLifetime).plus(skew))) {
                throw invalid("The assertion's exp is too far in the future (at most " + maxLifetime.toSeconds() + " s)", iss);
            }
            return new VerifiedAssertion(issuer, claims.getSubject(), claims.getJwtId(), exp);
        } catch (InvalidJwtException e) {
            throw invalid(describe(e), iss + ": " + e.getMessage());
        } catch (MalformedClaimException e) {
            throw invalid("The assertion has a malformed claim", iss + ": " + e.getMessage());
        }
    }

    /**
     * Marks the assertion used. RFC 7523 §3 item 7: the server "MAY ensure that JWTs are not replayed by
     * maintaining the set of used jti values for the length of time for which the JWT would be considered
     * valid"; keyed by issuer and jti, as jti is unique only per issuer.
     */
    public void consume(VerifiedAssertion assertion) {
        if (!replay.firstUse(REPLAY_PURPOSE, assertion.issuer().issuer() + "\u0000" + assertion.jti(),
                assertion.expiresAt().plus(settings.clockSkew()))) {
            throw invalid("The assertion was already used", "jti replayed: " + assertion.jti());
        }
    }

    /** The issuer's own list, or every asymmetric algorithm; never none or HMAC (RFC 8725 §3.1, §3.2). */
    static Set<String> permitted(TrustedIssuer issuer) {
        List<String> asymmetric = ClientAssertionAlgorithms.asymmetric();
        return issuer.algorithms().isEmpty() ? Set.copyOf(asymmetric)
                : issuer.algorithms().stream().filter(asymmetric::contains).collect(Collectors.toSet());
    }

    private static String unverifiedIssuer(String assertion) {
        try {
            return new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature().setSkipSignatureVerification()
                    .build().processToClaims(assertion).getIssuer();
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw invalid("The assertion is not a JWT", e.getMessage());
        }
    }

    /** A client-safe reason, by jose4j's error codes: its message also quotes the claims, so no text search. */
    private static String describe(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "The assertion has expired";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "The assertion's aud must contain the issuer or the token endpoint URL";
        }
        if (e.hasErrorCode(ErrorCodes.JWT_ID_MISSING)) {
            return "The assertion must carry a jti";
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || e.hasErrorCode(ErrorCodes.SUBJECT_MISSING)) {
            return "The assertion must carry exp and sub";
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)
                || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_PAST)) {
            return "The assertion is not yet valid or was issued too long ago";
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("AlgorithmConstraints") || message.contains("not a permitted algorithm")) {
            return "The assertion is signed with an algorithm not allowed for its issuer";
        }
        return "The assertion's signature or claims are invalid";
    }

    private static OAuthException invalid(String description, String detail) {
        return new OAuthException(OAuthError.INVALID_GRANT, description, detail);
    }
}
