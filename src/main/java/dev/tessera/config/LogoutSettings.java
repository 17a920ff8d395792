package dev.tessera.config;

import java.time.Duration;

/**
 * How SSO sessions end and how their end reaches the applications (OpenID Connect Back- and Front-Channel Logout 1.0).
 *
 * @param expiryCheckInterval how often each node looks for sessions past their idle or absolute expiry
 * @param maxAttempts         back-channel deliveries given up after this many failed attempts
 * @param initialBackoff      the wait after the first failed attempt; doubled after each further one
 * @param maxBackoff          the longest wait between two attempts
 * @param timeout             connect timeout and response timeout of one delivery
 * @param pollInterval        how often each node looks for due deliveries (a logout also wakes its own node at once)
 * @param tokenLifetime       the logout token's lifetime ({@code exp} - {@code iat}; §2.4 "short")
 * @param retention           how long delivery records stay visible in the admin API
 * @param frontchannelTimeout how long the logout page waits for the applications' front-channel logout iframes
 */
public record LogoutSettings(Duration expiryCheckInterval, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
        Duration timeout, Duration pollInterval, Duration tokenLifetime, Duration retention, Duration frontchannelTimeout) {

    /** The wait before attempt {@code failed + 1}: initial, doubled per failure, at most {@code maxBackoff}. */
    public Duration backoffAfter(int failed) {
        Duration wait = initialBackoff;
        for (int i = 1; i < failed && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
