package dev.tessera.client;

import dev.tessera.config.TokenSettings;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.persistence.ReplayGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * Verifies client assertions (RFC 7523 §3, OpenID Connect Core §9) for client_secret_jwt and
 * private_key_jwt. The algorithm is pinned by the client's method: HMAC only with the client's secret,
 * asymmetric only with the client's registered keys, so an RSA public key can never be used as an HMAC
 * secret, and {@code none} is never accepted.
 */
@ApplicationScoped
public class ClientAssertionVerifier {
    public static final Set<String> HMAC = Set.of(AlgorithmIdentifiers.HMAC_SHA256, AlgorithmIdentifiers.HMAC_SHA384,
            AlgorithmIdentifiers.HMAC_SHA512);
    public static final Set<String> ASYMMETRIC = Set.of(AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.RSA_PSS_USING_SHA384,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA512, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384, AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512,
            AlgorithmIdentifiers.EDDSA);
    private static final String REPLAY_PURPOSE = "client-assertion";

    @Inject
    ClientKeySource keys;

    @Inject
    ClientSecrets secrets;

    @Inject
    ReplayGuard replay;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    /** The client an assertion claims to come from (its {@code sub}), read before verification to find the keys. */
    public static String claimedClient(String assertion) {
        try {
            JwtClaims claims = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                    .setSkipSignatureVerification().build().processToClaims(assertion);
            return claims.getSubject();
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw invalid("client_assertion is not a JWT");
        }
    }

    /** client_secret_jwt: an HMAC with the client's own secret (OpenID Connect Core §9). */
    public void verifyWithSecret(Client client, String assertion, List<String> audiences) {
        String secret = secrets.clearSecretOf(client)
                .orElseThrow(() -> invalid("The client has no secret to verify its client_secret_jwt assertion with"));
        JwtConsumerBuilder builder = builder(client, audiences, HMAC);
        builder.setVerificationKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
        checkLifetimeAndReplay(client, process(builder.build(), assertion));
    }

    /** private_key_jwt: a signature by one of the client's registered public keys (RFC 7523 §2.2). */
    public void verifyWithKeys(Client client, String assertion, List<String> audiences) {
        JwtConsumerBuilder builder = builder(client, audiences, ASYMMETRIC);
        JwksVerificationKeyResolver resolver = new JwksVerificationKeyResolver(keys.keysOf(client));
        resolver.setDisambiguateWithVerifySignature(true);
        builder.setVerificationKeyResolver(resolver);
        checkLifetimeAndReplay(client, process(builder.build(), assertion));
    }

    /**
     * @param audiences values the {@code aud} may carry: the issuer and the URL of the endpoint called
     * @param family    the algorithms of the method's key kind, narrowed to the client's registered one
     */
    private JwtConsumerBuilder builder(Client client, List<String> audiences, Set<String> family) {
        Set<String> allowed = family;
        if (client.authSigningAlg() != null) {
            allowed = family.contains(client.authSigningAlg()) ? Set.of(client.authSigningAlg()) : Set.of();
        }
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds((int) settings.clockSkew().toSeconds())
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                // RFC 7523 §3: iss and sub MUST be the client_id for client authentication.
                .setExpectedIssuer(client.clientId())
                .setExpectedSubject(client.clientId())
                // RFC 7523 §3: "The JWT MUST contain an aud claim containing a value that identifies the authorization server".
                .setExpectedAudience(audiences.toArray(String[]::new))
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        allowed.toArray(String[]::new)));
    }

    private static JwtClaims process(JwtConsumer consumer, String assertion) {
        try {
            return consumer.processToClaims(assertion);
        } catch (InvalidJwtException e) {
            throw new OAuthException(OAuthError.INVALID_CLIENT, describe(e), e.getMessage());
        }
    }

    private void checkLifetimeAndReplay(Client client, JwtClaims claims) {
        try {
            Instant exp = Instant.ofEpochMilli(claims.getExpirationTime().getValueInMillis());
            Instant latest = clock.instant().plus(settings.assertionMaxLifetime()).plus(settings.clockSkew());
            if (exp.isAfter(latest)) {
                throw invalid("client_assertion exp is too far in the future (at most "
                        + settings.assertionMaxLifetime().toSeconds() + " s)");
            }
            // RFC 7523 §3 item 7 / OpenID Connect Core §9: the jti "MUST only be used once".
            if (!replay.firstUse(REPLAY_PURPOSE, client.clientId() + "\u0000" + claims.getJwtId(), exp.plus(settings.clockSkew()))) {
                throw invalid("client_assertion jti was already used");
            }
        } catch (MalformedClaimException e) {
            throw invalid("client_assertion has a malformed claim");
        }
    }

    /** By jose4j's error codes: its message quotes the claims too, so a text search matched "jti" in every one. */
    private static String describe(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "client_assertion has expired";
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("AlgorithmConstraints") || message.contains("not a permitted algorithm")) {
            return "client_assertion is signed with an algorithm not allowed for this client";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "client_assertion aud must contain the issuer or the endpoint URL";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)
                || e.hasErrorCode(ErrorCodes.SUBJECT_INVALID) || e.hasErrorCode(ErrorCodes.SUBJECT_MISSING)) {
            return "client_assertion iss and sub must both be the client_id";
        }
        if (e.hasErrorCode(ErrorCodes.JWT_ID_MISSING)) {
            return "client_assertion must carry a jti";
        }
        return "client_assertion signature or claims are invalid";
    }

    private static OAuthException invalid(String description) {
        return new OAuthException(OAuthError.INVALID_CLIENT, description);
    }
}
