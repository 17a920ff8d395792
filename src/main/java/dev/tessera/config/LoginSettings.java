package dev.tessera.config;

import java.time.Duration;

/**
 * Login throttling: online guessing is slowed (NIST SP 800-63B §5.2.2: the verifier "SHALL implement a
 * rate-limiting mechanism that effectively limits failed authentication attempts that can be made on the
 * subscriber's account") without letting anyone lock a victim out (OWASP Authentication Cheat Sheet, "Account
 * Lockout"): docs/security.md, "Login throttling".
 *
 * @param maxFailures           failures for one username from one address (or one known device) within
 *                              {@code window} after which that pair is refused for {@code lockout}
 * @param maxFailuresPerAddress failures from one address, any usernames, after which each attempt from it
 *                              without a known-device cookie waits a progressive delay
 * @param accountDelayAfter     failures for one username from anywhere after which each attempt without a
 *                              known-device cookie waits a progressive delay
 * @param window                how far back failures count
 * @param lockout               how long a throttled username-and-address pair is refused
 * @param delay                 the first progressive delay, doubled at each further failure
 * @param maxDelay              the longest progressive delay
 * @param knownDeviceLifetime   how long a known-device cookie lasts
 */
public record LoginSettings(int maxFailures, int maxFailuresPerAddress, int accountDelayAfter, Duration window,
        Duration lockout, Duration delay, Duration maxDelay, Duration knownDeviceLifetime) {
    public LoginSettings {
        atLeastOne(maxFailures, ConfigKeys.LOGIN_MAX_FAILURES);
        atLeastOne(maxFailuresPerAddress, ConfigKeys.LOGIN_MAX_FAILURES_PER_ADDRESS);
        atLeastOne(accountDelayAfter, ConfigKeys.LOGIN_ACCOUNT_DELAY_AFTER);
        positive(window, ConfigKeys.LOGIN_WINDOW);
        positive(lockout, ConfigKeys.LOGIN_LOCKOUT);
        positive(delay, ConfigKeys.LOGIN_DELAY);
        positive(knownDeviceLifetime, ConfigKeys.LOGIN_KNOWN_DEVICE_LIFETIME);
        if (maxDelay.compareTo(delay) < 0) {
            throw new IllegalArgumentException(ConfigKeys.LOGIN_MAX_DELAY + " must not be shorter than " + ConfigKeys.LOGIN_DELAY);
        }
    }

    private static void atLeastOne(int value, String key) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1");
        }
    }

    private static void positive(Duration value, String key) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive");
        }
    }
}
