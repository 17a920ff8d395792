package dev.tessera.token;

import dev.tessera.consent.ConsentService;
import dev.tessera.persistence.AfterCommitWork;
import dev.tessera.session.SessionEndReason;
import dev.tessera.session.SessionService;
import dev.tessera.user.UserDeleted;
import dev.tessera.user.UserDisabled;
import dev.tessera.user.UserPasswordChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * When a password changes or an account is disabled or deleted, everything that lets the account act
 * without a new login ends: its SSO sessions and every refresh token family (RFC 9700 §4.14.2: refresh
 * tokens SHOULD be revocable "on password change"), and on deletion its remembered consents. Runs only
 * once the change has committed.
 */
@ApplicationScoped
public class AccountChanges {

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    SessionService sessions;

    @Inject
    ConsentService consents;

    @Inject
    AfterCommitWork afterCommit;

    void passwordChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserPasswordChanged event) {
        cutOff(event.subject(), SessionEndReason.PASSWORD_CHANGED);
    }

    void disabled(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserDisabled event) {
        cutOff(event.subject(), SessionEndReason.ACCOUNT_DISABLED);
    }

    void deleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserDeleted event) {
        afterCommit.run(() -> {
            cutOffNow(event.subject(), SessionEndReason.ACCOUNT_DELETED);
            consents.revokeAll(event.subject());
        });
    }

    /** In a transaction of its own: this runs after the change's commit (docs: AfterCommitWork). */
    private void cutOff(String subject, SessionEndReason reason) {
        afterCommit.run(() -> cutOffNow(subject, reason));
    }

    /** Every session ends through the session service, so the applications that took part are notified too. */
    private void cutOffNow(String subject, SessionEndReason reason) {
        refreshTokens.revokeSubject(subject);
        sessions.endAllFor(subject, reason, SessionService.SYSTEM);
    }
}
