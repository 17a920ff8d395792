package dev.tessera.token;

import dev.tessera.config.Issuer;
import dev.tessera.keys.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Decides whether a presented ID token is one this server issued and still valid, for token exchange
 * (RFC 8693 §3 {@code id_token} subject tokens). Signed by one of this server's published keys with that
 * key's own algorithm, this issuer, unexpired, with a subject and an audience. An access token
 * ({@code typ: at+jwt}) is refused here, so one kind of token can never pass for the other.
 */
@ApplicationScoped
public class IdTokenInspector {
    private static final Set<String> REGISTERED = Set.of("iss", "sub", "aud", "exp", "iat", "jti", "azp", "nbf", "nonce",
            "at_hash", "c_hash", "sid");

    @Inject
    Issuer issuer;

    @Inject
    KeyRing ring;

    @Inject
    Clock clock;

    /** @return the token's claims, its client being {@code azp} (always set by {@link IdTokenIssuer}) */
    public Optional<TokenClaims> inspect(String token) {
        if (token == null || token.isEmpty() || token.length() > 8192) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = new JwtConsumerBuilder()
                    .setExpectedIssuer(issuer.url())
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .setSkipDefaultAudienceValidation()
                    // Tessera's ID tokens carry no typ; "at+jwt" (an access token) is refused.
                    .setExpectedType(false, "JWT")
                    .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                    .setAllowedClockSkewInSeconds(0)
                    .setVerificationKeyResolver(ring.verificationKeys())
                    .build().processToClaims(token);
            if (!claims.hasAudience() || claims.getStringClaimValue("azp") == null) {
                return Optional.empty();
            }
            Map<String, Object> extra = new HashMap<>(claims.getClaimsMap());
            REGISTERED.forEach(extra::remove);
            return Optional.of(new TokenClaims(claims.getJwtId(), claims.getStringClaimValue("azp"), claims.getSubject(), Set.of(),
                    List.copyOf(claims.getAudience()),
                    claims.getIssuedAt() == null ? null : Instant.ofEpochMilli(claims.getIssuedAt().getValueInMillis()),
                    Instant.ofEpochMilli(claims.getExpirationTime().getValueInMillis()), extra));
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }
}
