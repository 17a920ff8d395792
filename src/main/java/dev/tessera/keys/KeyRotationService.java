package dev.tessera.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Rotation as the rest of Tessera sees it: run the scheduled check, or rotate one algorithm now. Each
 * call commits its change and then reloads the {@link KeyRing}, so this node signs with the new
 * state at once; other nodes reload when the change reaches them through {@code Invalidations}, or
 * at their next check at the latest.
 */
@ApplicationScoped
public class KeyRotationService {

    @Inject
    KeyRotationTransaction transaction;

    @Inject
    KeyRing ring;

    public void runScheduledCheck() {
        transaction.applyScheduled();
        ring.reload();
    }

    /** Replaces the signing key of {@code algorithm} at once; the old one stays published while tokens it signed live. */
    public void rotateNow(SigningAlgorithm algorithm) {
        if (!enabledAlgorithms().contains(algorithm)) {
            throw new IllegalArgumentException(algorithm.jwsName() + " is not enabled in tessera.keys.algorithms");
        }
        transaction.applyImmediate(algorithm);
        ring.reload();
    }

    public List<SigningAlgorithm> enabledAlgorithms() {
        return transaction.enabledAlgorithms();
    }
}
