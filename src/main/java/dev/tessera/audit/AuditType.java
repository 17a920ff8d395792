package dev.tessera.audit;

import java.util.Arrays;
import java.util.Optional;

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
    CONSENT_GRANTED("consent.granted"),
    CONSENT_REVOKED("consent.revoked"),
    TOKEN_ISSUED("token.issued"),
    /** Tokens of one client and grant in one minute, counted (tessera.audit.client-credentials-tokens=per-minute). */
    TOKENS_ISSUED_PER_MINUTE("token.issued.per_minute"),
    REFRESH_TOKEN_REUSED("token.refresh_reused"),
    CODE_REPLAYED("token.code_replayed"),
    KEY_ROTATED("key.rotated"),
    /** One signing key taken out of signing on demand (it stays published until its tokens expire). */
    KEY_RETIRED("key.retired"),
    CLIENT_CREATED("admin.client.created"),
    CLIENT_UPDATED("admin.client.updated"),
    CLIENT_DELETED("admin.client.deleted"),
    CLIENT_SECRET_ROTATED("admin.client.secret_rotated"),
    USER_CREATED("admin.user.created"),
    USER_UPDATED("admin.user.updated"),
    USER_DELETED("admin.user.deleted"),
    USER_PASSWORD_SET("admin.user.password_set"),
    TRUSTED_ISSUER_CREATED("admin.trusted_issuer.created"),
    TRUSTED_ISSUER_UPDATED("admin.trusted_issuer.updated"),
    TRUSTED_ISSUER_DELETED("admin.trusted_issuer.deleted"),
    INITIAL_ACCESS_TOKEN_ISSUED("admin.initial_access_token.issued"),
    INITIAL_ACCESS_TOKEN_REVOKED("admin.initial_access_token.revoked"),
    /** An operator sent a back-channel logout delivery again. */
    LOGOUT_DELIVERY_RETRIED("admin.logout_delivery.retried"),
    /** The oldest rows left the trail by retention; the chain's anchor moved. */
    AUDIT_TRIMMED("audit.trimmed"),
    /** A person signed out (RP-initiated logout). */
    LOGOUT("logout"),
    /** An SSO session ended, for any reason (logout, administrator, account change, expiry). */
    SESSION_ENDED("session.ended"),
    /** A back-channel logout token reached a client (2xx). */
    LOGOUT_PROPAGATED("logout.propagated"),
    /** A back-channel logout was given up after the last attempt. */
    LOGOUT_GIVEN_UP("logout.given_up"),
    /** A second factor proved the person (detail: factor type, level reached). */
    MFA_SUCCEEDED("mfa.succeeded"),
    /** A second-factor code was wrong, replayed, or refused by the throttle (detail: reason). */
    MFA_FAILED("mfa.failed"),
    /** A recovery code was used to sign in (detail: codes left). */
    MFA_RECOVERY_CODE_USED("mfa.recovery_code_used"),
    /** A person enrolled a second factor (detail: type). */
    MFA_ENROLLED("mfa.enrolled"),
    /** A second factor was removed, by the person or an administrator (detail: type, id). */
    MFA_REMOVED("mfa.removed"),
    /** New recovery codes replaced the old ones. */
    MFA_RECOVERY_CODES_GENERATED("mfa.recovery_codes_generated"),
    /** An administrator required (or stopped requiring) a person to enrol a second factor (detail: required). */
    MFA_ENROLMENT_REQUIRED("admin.user.mfa_required"),
    /**
     * A passkey or security key presented a signature counter not above the one last seen: a possibly cloned
     * authenticator (Web Authentication §6.1.1); the sign-in was refused (detail: credential id hash).
     */
    MFA_CLONE_SUSPECTED("mfa.webauthn_clone_suspected");

    private final String wireName;

    AuditType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The kind with this wire name, if any. */
    public static Optional<AuditType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
