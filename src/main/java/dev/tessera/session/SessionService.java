package dev.tessera.session;

import dev.tessera.config.SessionSettings;
import dev.tessera.oauth.AcrValues;
import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts, finds and ends SSO sessions. Every login starts a new session with a new secret, so a
 * session id planted before login is worthless afterwards (session fixation).
 */
@ApplicationScoped
public class SessionService {
    /** The actor of what Tessera does on its own (expiry, account changes). */
    public static final String SYSTEM = "system";
    /**
     * How often at most a session's use is written (its idle expiry moved forward and "last active" recorded): a
     * minute, or a tenth of the idle timeout when that is shorter, so a busy browser costs no write per request and
     * a session still idles out at most that much early.
     */
    static final Duration ACTIVITY_STEP = Duration.ofMinutes(1);

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
    public Started start(String subject, List<String> amr, String acr, boolean remember, SessionOrigin origin) {
        Instant now = clock.instant();
        String secret = Secrets.random(32);
        Duration absolute = remember ? settings.rememberMeLifetime() : settings.maxLifetime();
        Duration idle = remember ? settings.rememberMeLifetime() : settings.idleTimeout();
        SignIn signIn = new SignIn(subject, new Authentication(now, amr, acr), Secrets.random(16));
        SsoSession session = new SsoSession(Secrets.sha256Hex(secret), signIn, remember, now, now.plus(idle), now.plus(absolute),
                origin);
        em.persist(session);
        return new Started(session, secret, remember ? absolute : null);
    }

    /** The live session behind a cookie value, its idle timer restarted (written at most once per activity step). */
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
        Duration idle = session.remember() ? settings.rememberMeLifetime() : settings.idleTimeout();
        session.touch(now, idle, activityStep(idle));
        return Optional.of(session);
    }

    /** Whether a cookie value stands for a live session; unlike {@link #current} the idle timer does not restart. */
    public boolean isLive(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > 128) {
            return false;
        }
        SsoSession session = em.find(SsoSession.class, Secrets.sha256Hex(cookieValue));
        return session != null && session.liveAt(clock.instant());
    }

    static Duration activityStep(Duration idle) {
        Duration tenth = idle.dividedBy(10);
        return tenth.compareTo(ACTIVITY_STEP) < 0 ? tenth : ACTIVITY_STEP;
    }

    /**
     * Step-up: the person of this session proved more factors. The session keeps its sid (the applications that took
     * part stay bound to it) and now states the higher level, the methods of both steps plus {@code mfa} (RFC 8176),
     * and the time of the last factor as {@code auth_time}.
     */
    @Transactional
    public Optional<SsoSession> raise(String cookieValue, List<String> addedAmr, String acr) {
        return current(cookieValue).map(session -> {
            List<String> amr = new ArrayList<>(session.authentication().amr());
            addedAmr.stream().filter(m -> !amr.contains(m)).forEach(amr::add);
            if (!amr.contains(AcrValues.AMR_MFA)) {
                amr.add(AcrValues.AMR_MFA);
            }
            session.raise(new Authentication(clock.instant(), amr, acr));
            return session;
        });
    }

    public Optional<SsoSession> bySid(String sid) {
        return em.createQuery("SELECT s FROM SsoSession s WHERE s.sid = :sid", SsoSession.class)
                .setParameter("sid", sid).getResultStream().findFirst();
    }

    @Inject
    Event<SessionEnded> ended;

    /** Ends the session behind a cookie value (the person signed out) and announces it; returns what was announced. */
    @Transactional
    public Optional<SessionEnded> end(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > 128) {
            return Optional.empty();
        }
        SsoSession session = em.find(SsoSession.class, Secrets.sha256Hex(cookieValue));
        return session == null ? Optional.empty() : removed(session, SessionEndReason.LOGOUT, session.subject());
    }

    /** Ends one session of a user by its sid (an administrator's choice); false when there is none. */
    @Transactional
    public boolean endOne(String subject, String sid, SessionEndReason reason, String actor) {
        return bySid(sid).filter(s -> s.subject().equals(subject)).map(s -> remove(s, reason, actor)).orElse(false);
    }

    /** Ends every session of a user (password change, account disabled or deleted, an administrator), each announced. */
    @Transactional
    public int endAllFor(String subject, SessionEndReason reason, String actor) {
        int count = 0;
        for (SsoSession session : of(subject)) {
            count += remove(session, reason, actor) ? 1 : 0;
        }
        return count;
    }

    /** Ends up to {@code limit} sessions past their idle or absolute expiry at {@code now}; returns how many. */
    @Transactional
    public int endExpired(Instant now, int limit) {
        List<SsoSession> expired = em.createQuery("SELECT s FROM SsoSession s WHERE s.expiresAt < :now OR s.idleExpiresAt < :now",
                SsoSession.class).setParameter("now", now).setMaxResults(limit).getResultList();
        int count = 0;
        for (SsoSession session : expired) {
            count += remove(session, SessionEndReason.EXPIRED, SYSTEM) ? 1 : 0;
        }
        return count;
    }

    /** A user's sessions, newest first. */
    public List<SsoSession> of(String subject) {
        return em.createQuery("SELECT s FROM SsoSession s WHERE s.subject = :s ORDER BY s.createdAt DESC", SsoSession.class)
                .setParameter("s", subject).getResultList();
    }

    /** The clients that took part in a session, in the order they joined. */
    public List<String> participants(String sid) {
        return em.createQuery("SELECT p.clientId FROM SessionParticipant p WHERE p.sid = :sid ORDER BY p.joinedAt", String.class)
                .setParameter("sid", sid).getResultList();
    }

    /**
     * Records that a client received a code or token within a session, so the session's end reaches it. The
     * session row is locked first, so two requests joining at once cannot both insert, on any number of nodes.
     */
    @Transactional
    public void join(String sid, String clientId) {
        if (sid == null || em.find(SessionParticipant.class, new SessionParticipant.Key(sid, clientId)) != null) {
            return;
        }
        List<SsoSession> locked = em.createQuery("SELECT s FROM SsoSession s WHERE s.sid = :sid", SsoSession.class)
                .setParameter("sid", sid).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (!locked.isEmpty() && em.find(SessionParticipant.class, new SessionParticipant.Key(sid, clientId)) == null) {
            em.persist(new SessionParticipant(sid, clientId, clock.instant()));
        }
    }

    /**
     * Removes a session and announces its end within this transaction. The delete by id decides races: when a
     * logout, an administrator and the expiry sweep end one session at once, on one node or several, exactly one
     * of them removes the row and only that one announces it.
     */
    boolean remove(SsoSession session, SessionEndReason reason, String actor) {
        return removed(session, reason, actor).isPresent();
    }

    private Optional<SessionEnded> removed(SsoSession session, SessionEndReason reason, String actor) {
        int removed = em.createQuery("DELETE FROM SsoSession s WHERE s.idHash = :h").setParameter("h", session.idHash()).executeUpdate();
        if (removed == 0) {
            return Optional.empty();
        }
        List<String> clients = participants(session.sid());
        em.createQuery("DELETE FROM SessionParticipant p WHERE p.sid = :sid").setParameter("sid", session.sid()).executeUpdate();
        SessionEnded end = new SessionEnded(session.sid(), session.subject(), clients, reason, actor);
        ended.fire(end);
        return Optional.of(end);
    }
}
