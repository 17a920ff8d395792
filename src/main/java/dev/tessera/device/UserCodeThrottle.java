package dev.tessera.device;

import dev.tessera.config.DeviceSettings;
import dev.tessera.oauth.Secrets;
import dev.tessera.user.LoginFailure;
import dev.tessera.user.LoginFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Keeps user codes from being guessed (RFC 8628 §5.1: "It is therefore recommended that the server
 * rate-limit user code attempts"). Wrong codes are counted per browser session and per client address in the
 * shared {@code login_failure} table (its own key prefixes, so they never mix with password failures),
 * so every node counts together and the reaper empties old counters. Reaching
 * {@code tessera.device.max-failures} in a session, or {@code tessera.device.max-failures-per-address}
 * from an address, within {@code tessera.device.failure-window} refuses every further code, right or
 * wrong, for the rest of that window. A right code clears nothing: otherwise a guesser holding one live
 * code could reset their own count.
 */
@ApplicationScoped
public class UserCodeThrottle {

    @Inject
    LoginFailures failures;

    @Inject
    DeviceSettings settings;

    @Inject
    Clock clock;

    public boolean locked(String sessionId, String clientAddress) {
        Instant now = clock.instant();
        return keys(sessionId, clientAddress).anyMatch(key -> failures.find(key).filter(f -> f.lockedAt(now)).isPresent());
    }

    public void failed(String sessionId, String clientAddress) {
        Instant now = clock.instant();
        sessionKey(sessionId).ifPresent(key -> failures.update(key, now, count(now, settings.maxFailures())));
        addressKey(clientAddress).ifPresent(key -> failures.update(key, now, count(now, settings.maxFailuresPerAddress())));
    }

    private Consumer<LoginFailure> count(Instant now, int max) {
        return f -> f.failed(now, settings.failureWindow(), max, settings.failureWindow());
    }

    private static Stream<String> keys(String sessionId, String clientAddress) {
        return Stream.of(sessionKey(sessionId), addressKey(clientAddress)).flatMap(Optional::stream);
    }

    static Optional<String> sessionKey(String sessionId) {
        return sessionId == null || sessionId.isBlank() ? Optional.empty()
                : Optional.of(Secrets.sha256Hex("device-session:" + sessionId));
    }

    static Optional<String> addressKey(String clientAddress) {
        return clientAddress == null || clientAddress.isBlank() ? Optional.empty()
                : Optional.of(Secrets.sha256Hex("device-address:" + clientAddress.strip()));
    }
}
