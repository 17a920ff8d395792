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
    ACCOUNT_PASSWORD_CHANGED("account.password.changed");

    private final String wireName;

    AuditType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
