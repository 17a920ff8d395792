package dev.tessera.token;

import dev.tessera.config.Issuer;
import dev.tessera.config.TokenSettings;
import dev.tessera.keys.KeyRing;
import dev.tessera.oauth.Scopes;
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
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Decides whether a presented access token is active, for introspection, revocation and the admin API. A JWT must be
 * signed by one of this server's published keys with that key's own algorithm, be of type at+jwt,
 * name this issuer, be unexpired and not revoked; an opaque token must have a live row and an unrevoked jti. Anything else,
 * including garbage, is simply inactive (RFC 7662 §2.2).
 */
@ApplicationScoped
public class AccessTokenInspector {
    private static final Set<String> REGISTERED = Set.of("iss", "sub", "aud", "exp", "iat", "jti", "client_id", "scope", "nbf");

    @Inject
    Issuer issuer;

    @Inject
    KeyRing ring;

    @Inject
    TokenSettings settings;

    @Inject
    RevocationList revocations;

    @Inject
    OpaqueTokens opaqueTokens;

    @Inject
    Clock clock;

    public Optional<TokenClaims> inspect(String token) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        if (isJwt(token)) {
            return verifiedJwt(token).flatMap(AccessTokenInspector::toClaims);
        }
        // An opaque token revoked through its grant (a replayed code, a reused refresh token, a logout) keeps its row;
        // its jti is listed like a JWT's (RevocationList.revokeAccessTokenOf). The check costs no statement (RevokedJtis).
        return opaqueTokens.find(token).filter(t -> t.expiresAt().isAfter(clock.instant()))
                .map(OpaqueToken::claims).filter(c -> !revocations.isRevoked(c.jti()));
    }

    /**
     * A JWT access token of this server, active by the same checks as {@link #inspect}, with every claim as
     * signed: for a caller that needs the token itself rather than introspection's view of it (the admin
     * API hands it to its resources as a MicroProfile JWT {@code JsonWebToken}). Opaque tokens: empty.
     */
    public Optional<JwtClaims> verifiedJwt(String token) {
        if (!plausible(token) || !isJwt(token)) {
            return Optional.empty();
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setExpectedIssuer(issuer.url())
                .setRequireExpirationTime()
                .setRequireJwtId()
                .setSkipDefaultAudienceValidation()
                .setExpectedType(true, AccessTokenIssuer.JWT_TYPE)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setAllowedClockSkewInSeconds(0)
                .setVerificationKeyResolver(ring.verificationKeys())
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            return revocations.isRevoked(claims.getJwtId()) ? Optional.empty() : Optional.of(claims);
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }

    private static boolean plausible(String token) {
        return token != null && !token.isEmpty() && token.length() <= 8192;
    }

    private static boolean isJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    private static Optional<TokenClaims> toClaims(JwtClaims claims) {
        Map<String, Object> extra = new HashMap<>(claims.getClaimsMap());
        REGISTERED.forEach(extra::remove);
        Object scope = claims.getClaimValue("scope");
        try {
            return Optional.of(new TokenClaims(claims.getJwtId(), claims.getStringClaimValue("client_id"), claims.getSubject(),
                    Scopes.parse(scope == null ? null : scope.toString()),
                    claims.hasAudience() ? claims.getAudience() : List.of(),
                    claims.getIssuedAt() == null ? null : Instant.ofEpochMilli(claims.getIssuedAt().getValueInMillis()),
                    Instant.ofEpochMilli(claims.getExpirationTime().getValueInMillis()), extra));
        } catch (MalformedClaimException e) {
            return Optional.empty();
        }
    }
}
