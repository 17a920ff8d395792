package dev.tessera.user;

import java.util.List;

/**
 * The outcome of checking a username and password. A failure carries a message key for the person
 * (one generic text for unknown users and wrong passwords, so accounts cannot be probed) and a precise
 * detail for the audit log only.
 */
public sealed interface LoginResult {

    /** @param amr authentication methods references (RFC 8176), e.g. ["pwd"] */
    record Success(UserAccount user, List<String> amr) implements LoginResult {
    }

    /**
     * @param reason         why, for audit and metrics
     * @param messageKey     resource-bundle key of the text shown to the person
     * @param auditDetail    what happened, for the audit log; never shown
     */
    record Failure(Reason reason, String messageKey, String auditDetail) implements LoginResult {
    }

    enum Reason {
        /** Unknown user or wrong password: told apart only in the audit log. */
        INVALID_CREDENTIALS,
        DISABLED,
        LOCKED,
        EXPIRED,
        MUST_CHANGE_PASSWORD,
        /** Too many recent failures for this account or this client address. */
        THROTTLED,
        /** The store could not be asked (directory down). */
        UNAVAILABLE
    }
}
