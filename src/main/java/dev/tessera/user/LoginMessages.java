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
    public static final String EXPIRED = "login.error.expired";
    public static final String MUST_CHANGE_PASSWORD = "login.error.must-change-password";
    /** A directory's own lockout (Active Directory), told apart from Tessera's throttling. */
    public static final String ACCOUNT_LOCKED = "login.error.account-locked";
    public static final String PASSWORD_EXPIRED = "login.error.password-expired";
    /** Active Directory's logon hours or workstation restrictions. */
    public static final String LOGON_RESTRICTED = "login.error.logon-restricted";

    private LoginMessages() {
    }
}
