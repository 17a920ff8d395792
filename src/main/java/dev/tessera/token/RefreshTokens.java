package dev.tessera.token;

import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditLog;
import dev.tessera.audit.AuditType;
import dev.tessera.client.Client;
import dev.tessera.config.TokenSettings;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.Secrets;
import dev.tessera.persistence.ExpiringState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refresh tokens: 256 random bits, stored as SHA-256, rotated on every use. RFC 9700 §4.14.2: for public
 * clients refresh tokens "MUST" be sender-constrained or rotated with reuse detection; Tessera rotates
 * for every client. Presenting a rotated token again revokes the whole family, with the access tokens
 * issued from it, because either the client or an attacker holds a stolen copy.
 */
@ApplicationScoped
public class RefreshTokens {

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    TokenSettings settings;

    @Inject
    RevocationList revocations;

    @Inject
    OneTimeArtifacts artifacts;

    @Inject
    RefreshRetries retries;

    @Inject
    Clock clock;

    /** The first token of a family; its absolute lifetime is fixed here. */
    public RefreshGrant newFamily(UserGrant grant, Client client) {
        if (!grant.clientId().equals(client.clientId())) {
            throw new IllegalArgumentException("grant of " + grant.clientId() + " for client " + client.clientId());
        }
        boolean offline = grant.scope().contains("offline_access");
        Duration lifetime = offline ? settings.offlineLifetime()
                : client.refreshTokenLifetimeSeconds() != null ? Duration.ofSeconds(client.refreshTokenLifetimeSeconds())
                : settings.refreshTokenLifetime();
        return new RefreshGrant(grant, offline, clock.instant().plus(lifetime));
    }

    /** @return the token value, to send once */
    @Transactional
    public String issue(RefreshGrant grant, Client client, IssuedAccessToken access) {
        String value = Secrets.random(32);
        Instant now = clock.instant();
        Duration idle = grant.offline() ? settings.offlineLifetime()
                : client.refreshTokenIdleSeconds() != null ? Duration.ofSeconds(client.refreshTokenIdleSeconds())
                : settings.refreshTokenIdle();
        RefreshToken token = new RefreshToken(Secrets.sha256Hex(value), grant, now, now.plus(idle));
        if (access != null) {
            token.accessTokenIssued(access, now);
        }
        em.persist(token);
        return value;
    }

    /**
     * Consumes a refresh token for rotation. Bound to the client (RFC 6749 §6: "ensure that the refresh
     * token was issued to the authenticated client") before anything else, so another client cannot even
     * burn it. Consumption is one atomic update; a second use revokes the family, unless it is a retry
     * within the client's reuse interval ({@link RefreshRetries}). Runs in the caller's transaction when there
     * is one, so that the successor is written before the consumption commits: a parallel presentation of the
     * same token waits for that commit on the row, and then sees (and, as reuse, revokes) the successor.
     *
     * @param token the row as {@link #stored} read it, before the transaction (null: none): only what never changes
     *              in a row is used (hash, client, grant, bounds), so it is not read again (issue 23: a refresh is as
     *              few statements as the database allows); whether it is still unconsumed is the update's answer
     */
    @Transactional(dontRollbackOn = OAuthException.class)
    public RefreshGrant rotate(RefreshToken token, Client client, Set<String> requestedScope) {
        if (token == null || !token.clientId().equals(client.clientId())) {
            throw invalid("The refresh token is invalid, expired or revoked");
        }
        // RFC 6749 §6: the scope "MUST NOT include any scope not originally granted". Checked before the
        // token is consumed, so a refused request leaves the client its token.
        if (requestedScope != null && !token.grant().scope().containsAll(requestedScope)) {
            Set<String> wider = new LinkedHashSet<>(requestedScope);
            wider.removeAll(token.grant().scope());
            throw new OAuthException(OAuthError.INVALID_SCOPE, "Scope not originally granted: " + String.join(" ", wider));
        }
        Instant now = clock.instant();
        String hash = token.hash();
        if (!artifacts.consume(RefreshToken.class, hash, now)) {
            Optional<RefreshGrant> retried = retries.retry(token, client, now);
            if (retried.isPresent()) {
                return requestedScope == null ? retried.get() : retried.get().narrowedTo(requestedScope);
            }
            revokeFamily(token.familyId());
            // RFC 9700 §4.14.2: reuse means one of the two presenters is not the legitimate client.
            audit.record(AuditEvent.now(AuditType.REFRESH_TOKEN_REUSED, client.clientId(), token.subject(), client.clientId(),
                    null, Map.of("family_revoked", token.familyId())));
            throw new OAuthException(OAuthError.INVALID_GRANT, "The refresh token is invalid, expired or revoked",
                    "refresh token reuse: family " + token.familyId() + " revoked");
        }
        if (!now.isBefore(token.expiresAt()) || !now.isBefore(token.idleExpiresAt())) {
            throw invalid("The refresh token is invalid, expired or revoked");
        }
        RefreshGrant grant = token.grant().rotatedFrom(hash);
        return requestedScope == null ? grant : grant.narrowedTo(requestedScope);
    }

    /** Revokes every token of a family and the access tokens issued with them. */
    @Transactional
    public void revokeFamily(String familyId) {
        em.createQuery("SELECT t FROM RefreshToken t WHERE t.grantId = :f", RefreshToken.class)
                .setParameter("f", familyId).getResultList().forEach(revocations::revokeAccessTokenOf);
        em.createQuery("DELETE FROM RefreshToken t WHERE t.grantId = :f").setParameter("f", familyId).executeUpdate();
    }

    /** Every family of a user (password change, account disabled or deleted). */
    @Transactional
    public void revokeSubject(String subject) {
        em.createQuery("SELECT DISTINCT t.grantId FROM RefreshToken t WHERE t.subject = :s", String.class)
                .setParameter("s", subject).getResultList().forEach(this::revokeFamily);
    }

    /** Every family a user granted one client, offline ones too (the consent was revoked). */
    @Transactional
    public void revokeClient(String subject, String clientId) {
        em.createQuery("SELECT DISTINCT t.grantId FROM RefreshToken t WHERE t.subject = :s AND t.clientId = :c", String.class)
                .setParameter("s", subject).setParameter("c", clientId).getResultList().forEach(this::revokeFamily);
    }

    /** Families bound to an SSO session that ended, except offline ones (OpenID Connect Core §11). */
    @Transactional
    public void revokeSession(String sid) {
        em.createQuery("SELECT DISTINCT t.grantId FROM RefreshToken t WHERE t.sid = :sid AND t.offline = false", String.class)
                .setParameter("sid", sid).getResultList().forEach(this::revokeFamily);
    }

    /** For revocation (RFC 7009) and introspection: the live, unconsumed token with this value. */
    public Optional<RefreshToken> findLive(String value) {
        return find(value).filter(t -> t.consumedAt() == null && clock.instant().isBefore(t.idleExpiresAt()));
    }

    /** The token with this value, consumed or not, within its family's lifetime. */
    public Optional<RefreshToken> find(String value) {
        return stored(value).filter(this::withinFamilyLifetime);
    }

    /** Whether the token's family has not reached its absolute end. */
    public boolean withinFamilyLifetime(RefreshToken token) {
        return clock.instant().isBefore(token.expiresAt());
    }

    /** The stored row of this value, consumed, expired or not; for {@link #rotate}, which judges it itself. */
    public Optional<RefreshToken> stored(String value) {
        if (value == null || value.length() > 128) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(RefreshToken.class, Secrets.sha256Hex(value)));
    }

    private static OAuthException invalid(String description) {
        return new OAuthException(OAuthError.INVALID_GRANT, description);
    }

    /** Expired refresh tokens are reaped. */
    @ApplicationScoped
    public static class State implements ExpiringState {
        @Override
        public String entity() {
            return "RefreshToken";
        }

        @Override
        public String idAttribute() {
            return "hash";
        }
    }
}
