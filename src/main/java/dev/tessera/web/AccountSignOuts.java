package dev.tessera.web;

import dev.tessera.admin.ConsentRevocations;
import dev.tessera.session.SessionEndReason;
import dev.tessera.session.SessionService;
import dev.tessera.token.RefreshTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * What a person ends from the account pages, always their own: one session, every session ("everywhere", which
 * also revokes the offline refresh tokens that outlive sessions), or one application's access. Each goes through
 * the same services as an administrator's action, so the applications that took part are told (back- and
 * front-channel as registered) and the audit trail names the person as actor.
 */
@ApplicationScoped
public class AccountSignOuts {
    @Inject
    SessionService sessions;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    ConsentRevocations consents;

    public boolean endOne(String subject, String sid) {
        return sessions.endOne(subject, sid, SessionEndReason.LOGOUT, subject);
    }

    @Transactional
    public int endEverywhere(String subject) {
        int ended = sessions.endAllFor(subject, SessionEndReason.LOGOUT, subject);
        refreshTokens.revokeSubject(subject);
        return ended;
    }

    public boolean removeAccess(String subject, String clientId) {
        return consents.revoke(subject, clientId, subject);
    }
}
