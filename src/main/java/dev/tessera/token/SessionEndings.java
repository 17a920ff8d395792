package dev.tessera.token;

import dev.tessera.persistence.AfterCommitWork;
import dev.tessera.session.SessionEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Logout revokes the refresh tokens issued within the session, except offline ones (RFC 9700 §4.14.2:
 * refresh tokens SHOULD be revoked at logout; OpenID Connect Core §11: offline_access tokens are meant to
 * outlive the session).
 */
@ApplicationScoped
public class SessionEndings {

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    AfterCommitWork afterCommit;

    void onEnd(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded event) {
        afterCommit.run(() -> refreshTokens.revokeSession(event.sid()));
    }
}
