package dev.tessera.user;

/**
 * Resource-bundle keys of what a person is told after a failed login; the login page defines the texts.
 * Unknown user and wrong password share {@link #INVALID}, so the page cannot be used to probe accounts.
 */
public final class LoginMessages {
    public static final String INVALID = "login.error.invalid";
    public static final String DISABLED = "login.error.disabled";
    public static final String LOCKED = "login.error.locked";
    public static final String THROTTLED = "login.error.throttled";
    public static final String UNAVAILABLE = "login.error.unavailable";

    private LoginMessages() {
    }
}
