package dev.tessera.keys;

import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditLog;
import dev.tessera.audit.AuditType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rotation as the rest of Tessera sees it: run the scheduled check, or rotate one algorithm now. Each
 * call commits its change and then reloads the {@link KeyRing}, so this node signs with the new
 * state at once; other nodes reload when the change reaches them through {@code Invalidations}, or
 * at their next check at the latest.
 */
@ApplicationScoped
public class KeyRotationService {
    static final String SYSTEM = "system";

    @Inject
    KeyRotationTransaction transaction;

    @Inject
    KeyRing ring;

    @Inject
    AuditLog audit;

    public void runScheduledCheck() {
        List<Map<String, String>> changes = transaction.applyScheduled();
        ring.reload();
        changes.forEach(change -> recordRotation(SYSTEM, change));
    }

    /** Replaces the signing key of {@code algorithm} at once; the old one stays published while tokens it signed live. */
    public void rotateNow(SigningAlgorithm algorithm) {
        rotateNow(algorithm, SYSTEM);
    }

    /** As {@link #rotateNow(SigningAlgorithm)}, on behalf of {@code actor} (an administrator), who is audited. */
    public void rotateNow(SigningAlgorithm algorithm, String actor) {
        if (!enabledAlgorithms().contains(algorithm)) {
            throw new IllegalArgumentException(algorithm.jwsName() + " is not enabled in tessera.keys.algorithms");
        }
        Optional<Map<String, String>> change = transaction.applyImmediate(algorithm);
        ring.reload();
        change.ifPresent(c -> recordRotation(actor, c));
    }

    /**
     * Takes one key out of signing now, on behalf of {@code actor} (audited as {@code key.retired}): it stays in the
     * JWKS until the tokens it signed have expired ({@code tessera.keys.retention}), then the schedule removes it. A
     * successor that never signed is removed at once. A new key signs at once if the retired one was signing.
     *
     * @return false when there is no such key
     * @throws IllegalStateException when it is already retired
     */
    public boolean retire(String kid, String actor) {
        Optional<Map<String, String>> change = transaction.applyRetire(kid);
        ring.reload();
        change.ifPresent(c -> audit.record(AuditEvent.now(AuditType.KEY_RETIRED, actor, null, null, null, c)));
        return change.isPresent();
    }

    private void recordRotation(String actor, Map<String, String> change) {
        audit.record(AuditEvent.now(AuditType.KEY_ROTATED, actor, null, null, null, change));
    }

    public List<SigningAlgorithm> enabledAlgorithms() {
        return transaction.enabledAlgorithms();
    }
}
