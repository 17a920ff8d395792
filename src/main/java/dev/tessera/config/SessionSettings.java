package dev.tessera.config;

import java.time.Duration;

/**
 * SSO session and interactive-flow lifetimes.
 *
 * @param idleTimeout        a session unused this long ends
 * @param maxLifetime        a session ends this long after login, however active
 * @param rememberMeLifetime idle and absolute lifetime of a "remember me" session (persistent cookie)
 * @param pendingLifetime    how long a login or consent page may take before the request must start over
 * @param codeLifetime       authorization code lifetime (RFC 6749 §4.1.2: "maximum ... of 10 minutes is RECOMMENDED")
 */
public record SessionSettings(Duration idleTimeout, Duration maxLifetime, Duration rememberMeLifetime,
        Duration pendingLifetime, Duration codeLifetime) {
}
