package dev.tessera.authorize;

import dev.tessera.config.Issuer;
import dev.tessera.config.SessionSettings;
import dev.tessera.oauth.Secrets;
import dev.tessera.persistence.ExpiringState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Authorization requests waiting for login or consent. The login and consent pages use this service:
 * they look a request up, record what the person did, and send the browser back to
 * {@code /authorize/resume}, which finishes the request.
 */
@ApplicationScoped
public class PendingAuthorizations {
    /** Cookie name prefix; the rest names the flow, so several tabs can sign in at once. */
    static final String COOKIE_PREFIX = "tessera_flow_";

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Inject
    SessionSettings settings;

    @Inject
    Clock clock;

    @Inject
    Issuer issuer;

    /** A request just parked: the id for URLs, and the browser-binding cookie to set. */
    public record Parked(String id, String cookieName, String cookieValue) {
    }

    @Transactional
    public Parked park(AuthorizationRequest request) {
        String id = Secrets.random(32);
        String browser = Secrets.random(32);
        Instant now = clock.instant();
        em.persist(new PendingAuthorization(Secrets.sha256Hex(id), Secrets.sha256Hex(browser), request, now,
                now.plus(settings.pendingLifetime())));
        return new Parked(id, cookieName(id), browser);
    }

    /** The live pending request with this id, if the browser presents the cookie that binds it. */
    public Optional<PendingAuthorization> find(String id, Function<String, String> cookies) {
        if (id == null || id.length() > 64) {
            return Optional.empty();
        }
        PendingAuthorization pending = em.find(PendingAuthorization.class, Secrets.sha256Hex(id));
        if (pending == null || !pending.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        String browser = cookies.apply(cookieName(id));
        if (browser == null || !Secrets.constantTimeEquals(pending.browserHash(), Secrets.sha256Hex(browser))) {
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    // Each change below is one statement on the row by its key (no read first): a request that expired or was
    // finished meanwhile changes nothing, as before.

    @Transactional
    public void loggedIn(String id, String subject) {
        update(id, "p.subject = :subject, p.loginDoneAt = :at").setParameter("subject", subject)
                .setParameter("at", clock.instant()).executeUpdate();
    }

    @Transactional
    public void consented(String id, boolean approved) {
        update(id, "p.consentDone = :approved, p.denied = :denied").setParameter("approved", approved)
                .setParameter("denied", !approved).executeUpdate();
    }

    /** The person gave up on a level they cannot reach: the client hears unmet_authentication_requirements. */
    @Transactional
    public void unmet(String id) {
        update(id, "p.unmet = true").executeUpdate();
    }

    @Transactional
    public void finish(String id) {
        em.createQuery("DELETE FROM PendingAuthorization p WHERE p.idHash = :id").setParameter("id", Secrets.sha256Hex(id))
                .executeUpdate();
    }

    /** The cookie set at {@code Path=/}, so with an https issuer its name starts with {@code __Host-}. */
    String cookieName(String id) {
        return issuer.cookieName(COOKIE_PREFIX + Secrets.sha256Hex("cookie:" + id).substring(0, 12), "/");
    }

    private Query update(String id, String assignments) {
        return em.createQuery("UPDATE PendingAuthorization p SET " + assignments + " WHERE p.idHash = :id")
                .setParameter("id", Secrets.sha256Hex(id));
    }

    /** Abandoned requests are reaped. */
    @ApplicationScoped
    public static class State implements ExpiringState {
        @Override
        public String entity() {
            return "PendingAuthorization";
        }

        @Override
        public String idAttribute() {
            return "idHash";
        }
    }
}
