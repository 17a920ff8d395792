package dev.tessera.user;

import dev.tessera.config.Issuer;
import dev.tessera.config.LoginSettings;
import dev.tessera.config.TokenSettings;
import dev.tessera.keys.JwtSigner;
import dev.tessera.keys.KeyRing;
import dev.tessera.keys.SigningAlgorithm;
import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * The known-device cookie of OWASP's "device cookies" pattern: set at each successful sign-in, it lets that
 * browser sign in to that account again without the account-wide and address-wide counters an attacker can
 * drive up from elsewhere (or from the same office NAT). Its value is a JWS by Tessera's own signing key, so
 * nothing is stored: the subject is the account's throttle key (no username in clear), the jti names the
 * device, and failures made with it are counted per account and device ({@link LoginThrottle}).
 */
@ApplicationScoped
public class KnownDevices {
    /** The cookie; {@code __Host-} prefixed with an https issuer (RFC 6265bis §4.1.3.2). */
    public static final String COOKIE = "tessera_device";
    static final String TYPE = "tessera-device+jwt";
    private static final Logger LOG = Logger.getLogger(KnownDevices.class.getName());

    @Inject
    JwtSigner signer;

    @Inject
    KeyRing ring;

    @Inject
    Issuer issuer;

    @Inject
    LoginSettings login;

    @Inject
    TokenSettings tokens;

    @Inject
    Clock clock;

    public String cookieName() {
        return issuer.isHttps() ? "__Host-" + COOKIE : COOKIE;
    }

    /**
     * The Set-Cookie header of a device that just signed in to this account (HttpOnly, SameSite=Lax); empty when
     * no key can sign it, so a sign-in never fails over the cookie (the device is then simply not known).
     */
    public Optional<String> cookieHeader(String normalizedUsername) {
        Instant now = clock.instant();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer.url());
        claims.setSubject(LoginThrottle.accountKey(normalizedUsername));
        claims.setJwtId(Secrets.random(16));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(login.knownDeviceLifetime()).getEpochSecond()));
        SigningAlgorithm algorithm = SigningAlgorithm.fromJwsName(tokens.accessTokenAlgorithm()).orElse(SigningAlgorithm.RS256);
        try {
            return Optional.of(cookieName() + "=" + signer.sign(claims, algorithm, TYPE) + "; Path=/; HttpOnly; SameSite=Lax"
                    + (issuer.isHttps() ? "; Secure" : "") + "; Max-Age=" + login.knownDeviceLifetime().toSeconds());
        } catch (IllegalStateException noActiveKey) {
            LOG.warning(() -> "No known-device cookie set: " + noActiveKey.getMessage());
            return Optional.empty();
        }
    }

    /** The device id of a valid cookie issued for this account; empty for anything else. */
    public Optional<String> deviceOf(String cookieValue, String normalizedUsername) {
        if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 4096) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = new JwtConsumerBuilder()
                    .setExpectedIssuer(issuer.url())
                    .setExpectedType(true, TYPE)
                    .setRequireExpirationTime()
                    .setRequireJwtId()
                    .setExpectedSubject(LoginThrottle.accountKey(normalizedUsername))
                    .setSkipDefaultAudienceValidation()
                    .setVerificationKeyResolver(ring.verificationKeys())
                    .build().processToClaims(cookieValue);
            return Optional.of(claims.getJwtId());
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }
}
