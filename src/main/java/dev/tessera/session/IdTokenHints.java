package dev.tessera.session;

import dev.tessera.config.Issuer;
import dev.tessera.keys.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Reads {@code id_token_hint} (OpenID Connect Core §3.1.2.1): an ID token this server issued, possibly
 * expired, naming the user the client expects. Only its signature and issuer are checked.
 */
@ApplicationScoped
public class IdTokenHints {

    @Inject
    Issuer issuer;

    @Inject
    KeyRing ring;

    /** The hinted subject; empty when the hint is not an ID token of this server. */
    public Optional<String> subject(String hint) {
        return claims(hint).map(c -> {
            try {
                return c.getSubject();
            } catch (MalformedClaimException e) {
                return null;
            }
        });
    }

    /** The verified claims of a hint (sub, aud, sid, ...); empty when it is not an ID token of this server. */
    public Optional<JwtClaims> claims(String hint) {
        if (hint == null || hint.length() > 16_384) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(new JwtConsumerBuilder()
                    .setExpectedIssuer(issuer.url())
                    .setSkipDefaultAudienceValidation()
                    .setRequireSubject()
                    // An expired ID token is still a valid hint; only signature, issuer and subject matter.
                    .setAllowedClockSkewInSeconds(Integer.MAX_VALUE / 2)
                    .setVerificationKeyResolver(ring.verificationKeys())
                    .build().processToClaims(hint));
        } catch (InvalidJwtException e) {
            return Optional.empty();
        }
    }
}
