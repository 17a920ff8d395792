package dev.tessera.session;

/**
 * Why an SSO session ended, with the wire name the audit trail and the back-channel outbox record. Every one
 * of them notifies the applications that took part in the session (OpenID Connect Back-Channel Logout 1.0 §2.1).
 */
public enum SessionEndReason {
    LOGOUT("logout"),
    ADMIN("admin"),
    ACCOUNT_DISABLED("account_disabled"),
    ACCOUNT_DELETED("account_deleted"),
    PASSWORD_CHANGED("password_changed"),
    EXPIRED("expired");

    private final String wireName;

    SessionEndReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
