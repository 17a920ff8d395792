package dev.tessera.session.logout;

import dev.tessera.client.Client;
import dev.tessera.config.Issuer;
import dev.tessera.config.LogoutSettings;
import dev.tessera.keys.JwtSigner;
import dev.tessera.keys.SigningAlgorithm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * The logout token (OpenID Connect Back-Channel Logout 1.0 §2.4): a JWT signed like the client's ID tokens (the
 * algorithm it registered, RS256 otherwise), typed {@code logout+jwt} (§2.4: "explicitly typed ... RECOMMENDED"),
 * with iss, aud, iat, a short exp, jti, the back-channel logout event, sub and sid. It "MUST NOT contain a nonce
 * Claim" (§2.4), and has none.
 */
@ApplicationScoped
public class LogoutTokens {
    public static final String TYP = "logout+jwt";
    public static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    @Inject
    Issuer issuer;

    @Inject
    JwtSigner signer;

    @Inject
    LogoutSettings settings;

    @Inject
    Clock clock;

    /** @param jti the delivery's id: the same on each attempt, so a relying party can tell a retry from a new logout */
    public String issue(Client client, String subject, String sid, String jti) {
        Instant now = clock.instant();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer.url());
        claims.setAudience(client.clientId());
        claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(now.plus(settings.tokenLifetime()).toEpochMilli()));
        claims.setJwtId(jti);
        claims.setClaim("events", Map.of(EVENT, Map.of()));
        // §2.4: "A Logout Token MUST contain either a sub or a sid Claim, and MAY contain both."
        claims.setSubject(subject);
        if (sid != null) {
            claims.setClaim("sid", sid);
        }
        SigningAlgorithm alg = SigningAlgorithm.fromJwsName(client.idTokenSigningAlg() == null ? "RS256" : client.idTokenSigningAlg())
                .orElse(SigningAlgorithm.RS256);
        return signer.sign(claims, alg, TYP);
    }
}
