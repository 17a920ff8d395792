package dev.tessera.keys;

import java.time.Duration;
import java.time.Instant;

/**
 * The timestamps that decide a key's state: the pure view of a stored key that the rotation policy
 * works on.
 *
 * @param retiresAt when a successor takes over; null while no successor is scheduled
 */
public record KeyTimeline(String kid, SigningAlgorithm algorithm, Instant activatesAt, Instant retiresAt) {

    public KeyState stateAt(Instant now, Duration retention) {
        if (now.isBefore(activatesAt)) {
            return KeyState.NEXT;
        }
        if (retiresAt == null || now.isBefore(retiresAt)) {
            return KeyState.ACTIVE;
        }
        return now.isBefore(retiresAt.plus(retention)) ? KeyState.RETIRED : KeyState.REMOVED;
    }
}
