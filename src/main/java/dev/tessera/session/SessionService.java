package dev.tessera.session;

import dev.tessera.config.SessionSettings;
import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Starts, finds and ends SSO sessions. Every login starts a new session with a new secret, so a
 * session id planted before login is worthless afterwards (session fixation).
 */
@ApplicationScoped
public class SessionService {

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Inject
    SessionSettings settings;

    @Inject
    Clock clock;

    /** A session just started: the cookie value to send and how long the cookie should live. */
    public record Started(SsoSession session, String cookieValue, Duration cookieMaxAge) {
    }

    @Transactional
    public Started start(String subject, List<String> amr, String acr, boolean remember) {
        Instant now = clock.instant();
        String secret = Secrets.random(32);
        Duration absolute = remember ? settings.rememberMeLifetime() : settings.maxLifetime();
        Duration idle = remember ? settings.rememberMeLifetime() : settings.idleTimeout();
        SignIn signIn = new SignIn(subject, new Authentication(now, amr, acr), Secrets.random(16));
        SsoSession session = new SsoSession(Secrets.sha256Hex(secret), signIn, remember, now, now.plus(idle), now.plus(absolute));
        em.persist(session);
        return new Started(session, secret, remember ? absolute : null);
    }

    /** The live session behind a cookie value, its idle timer restarted. */
    @Transactional
    public Optional<SsoSession> current(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > 128) {
            return Optional.empty();
        }
        SsoSession session = em.find(SsoSession.class, Secrets.sha256Hex(cookieValue));
        Instant now = clock.instant();
        if (session == null || !session.liveAt(now)) {
            return Optional.empty();
        }
        session.touch(now.plus(session.remember() ? settings.rememberMeLifetime() : settings.idleTimeout()));
        return Optional.of(session);
    }

    public Optional<SsoSession> bySid(String sid) {
        return em.createQuery("SELECT s FROM SsoSession s WHERE s.sid = :sid", SsoSession.class)
                .setParameter("sid", sid).getResultStream().findFirst();
    }

    @Inject
    Event<SessionEnded> ended;

    /** Ends the session behind a cookie value and announces it, so tokens bound to it can be revoked. */
    @Transactional
    public Optional<SsoSession> end(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > 128) {
            return Optional.empty();
        }
        SsoSession session = em.find(SsoSession.class, Secrets.sha256Hex(cookieValue));
        if (session == null) {
            return Optional.empty();
        }
        em.remove(session);
        ended.fire(new SessionEnded(session.sid(), session.subject()));
        return Optional.of(session);
    }

    /** Ends every session of a user (password change, account disabled). */
    @Transactional
    public int endAllFor(String subject) {
        return em.createQuery("DELETE FROM SsoSession s WHERE s.subject = :s").setParameter("s", subject).executeUpdate();
    }
}
