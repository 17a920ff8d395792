package dev.tessera.mfa;

import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditLog;
import dev.tessera.audit.AuditType;
import dev.tessera.user.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of {@link SecondFactor} beans and the one door through which a second step is checked: the
 * throttle first (the login table's rule, per person), then the factor whose input shape matches, then the audit
 * trail. Removal is audited here too, and removing the last primary factor removes the recovery codes with it.
 */
@ApplicationScoped
public class SecondFactors {
    @Inject
    Instance<SecondFactor> factors;

    @Inject
    LoginThrottle throttle;

    @Inject
    AuditLog audit;

    /** What a second step came to. {@code factor} is set when accepted. */
    public record Outcome(Result result, SecondFactor factor, Instant retryAfter) {
        public boolean accepted() {
            return result == Result.ACCEPTED;
        }
    }

    public enum Result { ACCEPTED, REFUSED, THROTTLED }

    /** Whether the person has a primary factor (a second step can be asked of them). */
    public boolean hasFactor(String subject) {
        return factors.stream().anyMatch(f -> f.primary() && !f.enrolled(subject).isEmpty());
    }

    /** Every enrolled credential, primary factors first. */
    public List<EnrolledFactor> enrolled(String subject) {
        List<EnrolledFactor> all = new ArrayList<>();
        factors.stream().filter(SecondFactor::primary).forEach(f -> all.addAll(f.enrolled(subject)));
        factors.stream().filter(f -> !f.primary()).forEach(f -> all.addAll(f.enrolled(subject)));
        return all;
    }

    public Outcome check(String subject, String input, String address) {
        Optional<Instant> refused = throttle.secondFactorRefusedUntil(subject);
        if (refused.isPresent()) {
            audit.record(AuditEvent.now(AuditType.MFA_FAILED, subject, subject, null, address, Map.of("reason", "throttled")));
            return new Outcome(Result.THROTTLED, null, refused.get());
        }
        for (SecondFactor factor : factors) {
            if (factor.accepts(input) && !factor.enrolled(subject).isEmpty() && factor.verify(subject, input)) {
                throttle.clearSecondFactor(subject);
                audit.record(AuditEvent.now(AuditType.MFA_SUCCEEDED, subject, subject, null, address, Map.of("factor", factor.type())));
                if (!factor.primary()) {
                    int left = factor.enrolled(subject).stream().mapToInt(EnrolledFactor::remaining).sum();
                    audit.record(AuditEvent.now(AuditType.MFA_RECOVERY_CODE_USED, subject, subject, null, address,
                            Map.of("remaining", String.valueOf(left))));
                }
                return new Outcome(Result.ACCEPTED, factor, null);
            }
        }
        throttle.secondFactorFailed(subject);
        audit.record(AuditEvent.now(AuditType.MFA_FAILED, subject, subject, null, address, Map.of("reason", "invalid or used code")));
        return new Outcome(Result.REFUSED, null, null);
    }

    /**
     * Removes one credential ({@code id} null: every one of the type; {@code type} null: every factor) and audits it.
     * @return how many were removed
     */
    public int remove(String subject, String type, String id, String actor, String address) {
        int removed = 0;
        for (SecondFactor factor : factors) {
            if (type == null || factor.type().equals(type)) {
                removed += factor.remove(subject, id);
            }
        }
        if (removed > 0 && !hasFactor(subject)) {
            factors.stream().filter(f -> !f.primary()).forEach(f -> f.remove(subject, null));
        }
        if (removed > 0) {
            audit.record(AuditEvent.now(AuditType.MFA_REMOVED, actor, subject, null, address,
                    Map.of("type", type == null ? "all" : type, "id", id == null ? "all" : id)));
        }
        return removed;
    }
}
