package dev.tessera.audit;

/**
 * The kinds of security event, each with the stable wire name that the audit trail stores and the query API
 * filters on. Append new kinds; never rename a wire name (stored rows and exports keep it).
 */
public enum AuditType {
    LOGIN_SUCCEEDED("login.succeeded"),
    LOGIN_FAILED("login.failed"),
    LOGIN_UNLOCKED("login.unlocked"),
    ACCOUNT_PROFILE_CHANGED("account.profile.changed"),
    ACCOUNT_PASSWORD_CHANGED("account.password.changed"),
    /** A person signed out (RP-initiated logout). */
    LOGOUT("logout"),
    /** An SSO session ended, for any reason (logout, administrator, account change, expiry). */
    SESSION_ENDED("session.ended"),
    /** A back-channel logout token reached a client (2xx). */
    LOGOUT_PROPAGATED("logout.propagated"),
    /** A back-channel logout was given up after the last attempt. */
    LOGOUT_GIVEN_UP("logout.given_up"),
    /** An administrator revoked a person's remembered consent for a client. */
    CONSENT_REVOKED("consent.revoked");

    private final String wireName;

    AuditType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
