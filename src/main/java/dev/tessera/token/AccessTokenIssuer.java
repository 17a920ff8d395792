package dev.tessera.token;

import dev.tessera.client.AccessTokenFormat;
import dev.tessera.client.Client;
import dev.tessera.config.Issuer;
import dev.tessera.config.ResourceAlgorithms;
import dev.tessera.config.TokenSettings;
import dev.tessera.keys.JwtSigner;
import dev.tessera.keys.SigningAlgorithm;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.Scopes;
import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Mints access tokens in the client's format. A JWT (RFC 9068) costs one signature and no database
 * access; an opaque token is 256 random bits whose SHA-256 is stored, one insert.
 */
@ApplicationScoped
public class AccessTokenIssuer {
    /** RFC 9068 §2.1: the typ header "MUST" be at+jwt. */
    public static final String JWT_TYPE = "at+jwt";

    @Inject
    Issuer issuer;

    @Inject
    JwtSigner signer;

    @Inject
    TokenSettings settings;

    @Inject
    ResourceAlgorithms resourceAlgorithms;

    @Inject
    OpaqueTokens opaqueTokens;

    @Inject
    Clock clock;

    public IssuedAccessToken issue(AccessTokenGrant grant) {
        return issue(grant, grant.client().accessTokenFormat());
    }

    /**
     * @param format the format to mint, whatever the client's setting: token exchange needs a JWT when
     *               {@code jwt} is requested (RFC 8693 §3) or an {@code act} claim must travel in the token
     */
    public IssuedAccessToken issue(AccessTokenGrant grant, AccessTokenFormat format) {
        Client client = grant.client();
        SigningAlgorithm algorithm = format == AccessTokenFormat.JWT ? algorithmFor(client, grant.audiences()) : null;
        long lifetime = client.accessTokenLifetimeSeconds() != null
                ? client.accessTokenLifetimeSeconds() : settings.accessTokenLifetime().toSeconds();
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(lifetime);
        String jti = Secrets.random(16);
        if (format == AccessTokenFormat.OPAQUE) {
            String value = Secrets.random(32);
            opaqueTokens.store(value, jti, grant, now, expires);
            return new IssuedAccessToken(value, jti, lifetime, grant.scope());
        }
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer.url());
        claims.setSubject(grant.subject());
        claims.setAudience(grant.audiences());
        claims.setClaim("client_id", client.clientId());
        if (!grant.scope().isEmpty()) {
            claims.setClaim("scope", Scopes.format(grant.scope()));
        }
        claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(expires.toEpochMilli()));
        claims.setJwtId(jti);
        grant.extra().forEach(claims::setClaim);
        String jwt = signer.sign(claims, algorithm, JWT_TYPE);
        return new IssuedAccessToken(jwt, jti, lifetime, grant.scope());
    }

    /** The audience's required algorithm, else the client's, else the server default. */
    SigningAlgorithm algorithmFor(Client client, List<String> audiences) {
        String name;
        try {
            name = resourceAlgorithms.requiredBy(audiences).orElse(client.accessTokenSigningAlg() != null
                    ? client.accessTokenSigningAlg() : settings.accessTokenAlgorithm());
        } catch (IllegalArgumentException e) {
            throw new OAuthException(OAuthError.INVALID_TARGET, e.getMessage());
        }
        return SigningAlgorithm.fromJwsName(name)
                .orElseThrow(() -> new IllegalStateException("Unknown access token algorithm " + name));
    }
}
