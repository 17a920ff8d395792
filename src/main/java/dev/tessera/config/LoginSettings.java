package dev.tessera.config;

import java.time.Duration;

/**
 * Login throttling: online guessing is slowed per account and per client address (NIST SP 800-63B
 * §5.2.2: the verifier "SHALL implement a rate-limiting mechanism that effectively limits failed
 * authentication attempts that can be made on the subscriber's account").
 *
 * @param maxFailures           failed logins for one username within {@code window} before it is locked
 * @param maxFailuresPerAddress failed logins from one client address within {@code window} before it is locked
 * @param window                how far back failures count
 * @param lockout               how long a locked username or address is refused
 */
public record LoginSettings(int maxFailures, int maxFailuresPerAddress, Duration window, Duration lockout) {
    public LoginSettings {
        if (maxFailures < 1) {
            throw new IllegalArgumentException(ConfigKeys.LOGIN_MAX_FAILURES + " must be at least 1");
        }
        if (maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException(ConfigKeys.LOGIN_MAX_FAILURES_PER_ADDRESS + " must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(ConfigKeys.LOGIN_WINDOW + " must be positive");
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException(ConfigKeys.LOGIN_LOCKOUT + " must be positive");
        }
    }
}
