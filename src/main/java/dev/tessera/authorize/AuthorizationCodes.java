package dev.tessera.authorize;

import dev.tessera.config.SessionSettings;
import dev.tessera.oauth.Secrets;
import dev.tessera.persistence.ExpiringState;
import dev.tessera.token.OneTimeArtifacts;
import dev.tessera.token.UserGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Issues and redeems authorization codes. Codes carry 256 random bits (RFC 6749 §10.10) and live
 * {@code tessera.authorize.code-lifetime}. Redemption is the one atomic consume of {@link OneTimeArtifacts}:
 * of any number of parallel redemptions on any number of nodes exactly one succeeds (RFC 6749 §4.1.2: "The
 * client MUST NOT use the authorization code more than once"); the others learn it was replayed.
 */
@ApplicationScoped
public class AuthorizationCodes {

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Inject
    SessionSettings settings;

    @Inject
    OneTimeArtifacts artifacts;

    @Inject
    Clock clock;

    /** The outcome of a redemption. */
    public sealed interface Redemption {
        record First(AuthorizationCode code) implements Redemption { }
        record Replayed(AuthorizationCode code) implements Redemption { }
        record Expired() implements Redemption { }
        record Unknown() implements Redemption { }
    }

    /** @return the code value, to send to the client once */
    @Transactional
    public String issue(AuthorizationRequest request, UserGrant grant) {
        String code = Secrets.random(32);
        Instant now = clock.instant();
        em.persist(new AuthorizationCode(Secrets.sha256Hex(code), grant, request, now, now.plus(settings.codeLifetime())));
        return code;
    }

    @Transactional
    public Redemption redeem(String code) {
        if (code == null || code.length() > 128) {
            return new Redemption.Unknown();
        }
        String hash = Secrets.sha256Hex(code);
        Instant now = clock.instant();
        boolean claimed = artifacts.consume(AuthorizationCode.class, hash, now);
        AuthorizationCode row = em.find(AuthorizationCode.class, hash);
        if (row == null) {
            return new Redemption.Unknown();
        }
        if (!claimed) {
            return new Redemption.Replayed(row);
        }
        return row.expiresAt().isAfter(now) ? new Redemption.First(row) : new Redemption.Expired();
    }

    /** Codes are kept past expiry only as long as a replay could still be detected usefully. */
    @ApplicationScoped
    public static class State implements ExpiringState {
        @Override
        public String entity() {
            return "AuthorizationCode";
        }

        @Override
        public String idAttribute() {
            return "hash";
        }
    }
}
