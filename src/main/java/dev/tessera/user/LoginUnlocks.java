package dev.tessera.user;

import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditLog;
import dev.tessera.audit.AuditType;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * An administrator's unlock: clears every throttle counter of a person's username (account-wide, per address,
 * per known device), for a local or a directory account alike, and reports it to the audit log
 * with who did it.
 */
@ApplicationScoped
public class LoginUnlocks {
    @Inject
    UserDirectory users;

    @Inject
    LoginThrottle throttle;

    @Inject
    AuditLog audit;

    /** @param by the administrator's name, for the audit line */
    public void unlock(String subject, String by) {
        UserAccount account = users.findBySubject(subject)
                .orElseThrow(() -> new OAuthException(OAuthError.NOT_FOUND, "No user " + subject));
        throttle.unlock(Usernames.normalize(account.username()));
        throttle.clearSecondFactor(subject);
        audit.record(AuditEvent.now(AuditType.LOGIN_UNLOCKED, by, subject, null, null, Map.of()));
    }
}
