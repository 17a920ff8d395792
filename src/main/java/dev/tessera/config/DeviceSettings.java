package dev.tessera.config;

import java.time.Duration;

/**
 * The device authorization grant (RFC 8628). The user code carries only about 34 bits, so its safety
 * rests on a short life and on throttling wrong entries (RFC 8628 §5.1: "It is therefore recommended
 * that the server rate-limit user code attempts").
 *
 * @param codeLifetime          lifetime of a device code and its user code ({@code expires_in}, §3.2)
 * @param interval              the polling interval handed out ({@code interval}, §3.2); whole seconds
 * @param maxFailures           wrong user codes one browser session may enter within {@code failureWindow}
 * @param maxFailuresPerAddress wrong user codes one client address may enter within {@code failureWindow}
 * @param failureWindow         how far back wrong codes count, and how long a session or address is refused
 */
public record DeviceSettings(Duration codeLifetime, Duration interval, int maxFailures, int maxFailuresPerAddress,
        Duration failureWindow) {
    public DeviceSettings {
        if (codeLifetime.toSeconds() < 1) {
            throw new IllegalArgumentException(ConfigKeys.DEVICE_CODE_LIFETIME + " must be at least one second");
        }
        if (interval.toSeconds() < 1 || interval.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException(ConfigKeys.DEVICE_INTERVAL + " must be a whole number of seconds, at least one");
        }
        if (maxFailures < 1) {
            throw new IllegalArgumentException(ConfigKeys.DEVICE_MAX_FAILURES + " must be at least 1");
        }
        if (maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException(ConfigKeys.DEVICE_MAX_FAILURES_PER_ADDRESS + " must be at least 1");
        }
        if (failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException(ConfigKeys.DEVICE_FAILURE_WINDOW + " must be positive");
        }
    }
}
