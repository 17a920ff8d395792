package dev.tessera.user;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * An administrator's unlock: clears every throttle counter of a person's username (account-wide, per address,
 * per known device), for a local or a directory account alike, and says so on the audit logger
 * ({@code dev.tessera.audit.login}) with who did it.
 */
@ApplicationScoped
public class LoginUnlocks {
    private static final Logger AUDIT = Logger.getLogger(DefaultUserDirectory.AUDIT.getName());

    @Inject
    UserDirectory users;

    @Inject
    LoginThrottle throttle;

    /** @param by the administrator's name, for the audit line */
    public void unlock(String subject, String by) {
        UserAccount account = users.findBySubject(subject)
                .orElseThrow(() -> new OAuthException(OAuthError.NOT_FOUND, "No user " + subject));
        throttle.unlock(Usernames.normalize(account.username()));
        AUDIT.info(() -> "login throttle of " + subject + " cleared by " + by);
    }
}
