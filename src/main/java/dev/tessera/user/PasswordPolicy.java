package dev.tessera.user;

import dev.tessera.config.PasswordSettings;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What a new password must be. Only its length is checked, as NIST SP 800-63B §5.1.1.2 asks: at least
 * {@code tessera.passwords.min-length} characters, at most {@value PasswordSettings#MAX_LENGTH}, any
 * characters including spaces, and no composition rules ("Verifiers SHOULD NOT impose other composition
 * rules").
 */
@ApplicationScoped
public class PasswordPolicy {
    @Inject
    PasswordSettings settings;

    public void check(String password) {
        if (password == null) {
            throw invalid("password must be a string");
        }
        int length = password.codePointCount(0, password.length());
        if (length < settings.minLength()) {
            throw invalid("password must be at least " + settings.minLength() + " characters");
        }
        if (length > PasswordSettings.MAX_LENGTH) {
            throw invalid("password must be at most " + PasswordSettings.MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw invalid("password must not be only spaces");
        }
    }

    private static OAuthException invalid(String description) {
        return new OAuthException(OAuthError.INVALID_REQUEST, description);
    }
}
