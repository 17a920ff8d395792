package dev.tessera.mfa;

import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditLog;
import dev.tessera.audit.AuditType;
import dev.tessera.user.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enrolling second factors (from the account page, or at sign-in when the policy leads there) and an
 * administrator's requirement to enrol. Confirming an authenticator counts against the second-factor throttle like
 * a sign-in code. When the person's first factor is confirmed, ten recovery codes are made and returned once.
 */
@ApplicationScoped
public class Enrolments {
    @Inject
    TotpCredentials totp;

    @Inject
    RecoveryCodes recovery;

    @Inject
    SecondFactors factors;

    @Inject
    LoginThrottle throttle;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    /** A confirmed enrolment: the recovery codes to show once (empty when the person already had some). */
    public record Confirmed(List<String> recoveryCodes) {
    }

    public TotpCredentials.Enrolment beginTotp(String subject, String accountName) {
        return totp.begin(subject, accountName);
    }

    public Optional<TotpCredentials.Enrolment> reopenTotp(String subject, String enrolmentId, String accountName) {
        return totp.reopen(subject, enrolmentId, accountName);
    }

    /** Empty when the code was wrong or the throttle refused it. */
    public Optional<Confirmed> confirmTotp(String subject, String enrolmentId, String code, String address) {
        if (throttle.secondFactorRefusedUntil(subject).isPresent() || !totp.confirm(subject, enrolmentId, code)) {
            throttle.secondFactorFailed(subject);
            audit.record(AuditEvent.now(AuditType.MFA_FAILED, subject, subject, null, address, Map.of("reason", "enrolment code")));
            return Optional.empty();
        }
        throttle.clearSecondFactor(subject);
        audit.record(AuditEvent.now(AuditType.MFA_ENROLLED, subject, subject, null, address, Map.of("type", TotpCredentials.TYPE)));
        return Optional.of(new Confirmed(recovery.enrolled(subject).isEmpty() ? regenerate(subject, address) : List.of()));
    }

    /** Ten new recovery codes replace the old ones; shown once. */
    public List<String> regenerate(String subject, String address) {
        List<String> codes = recovery.generate(subject);
        audit.record(AuditEvent.now(AuditType.MFA_RECOVERY_CODES_GENERATED, subject, subject, null, address, Map.of()));
        return codes;
    }

    public boolean required(String subject) {
        return em.find(MfaRequirement.class, subject) != null;
    }

    /** An administrator requires (or no longer requires) the person to sign in with a second factor. */
    @Transactional
    public void require(String subject, boolean required, String actor) {
        MfaRequirement existing = em.find(MfaRequirement.class, subject);
        if (required && existing == null) {
            em.persist(new MfaRequirement(subject, clock.instant(), actor));
        } else if (!required && existing != null) {
            em.remove(existing);
        }
        audit.record(AuditEvent.now(AuditType.MFA_ENROLMENT_REQUIRED, actor, subject, null, null, Map.of("required", String.valueOf(required))));
    }

    public boolean hasFactor(String subject) {
        return factors.hasFactor(subject);
    }
}
