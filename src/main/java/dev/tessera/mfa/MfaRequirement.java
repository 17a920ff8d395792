package dev.tessera.mfa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An administrator's "this person must sign in with a second factor, and enrol one at their next sign-in". */
@Entity
@Table(name = "mfa_requirement")
public class MfaRequirement {
    @Id
    @Column(name = "subject", length = 255)
    private String subject;

    @Column(name = "required_at", nullable = false)
    private Instant requiredAt;

    @Column(name = "required_by", nullable = false, length = 255)
    private String requiredBy;

    protected MfaRequirement() {
    }

    MfaRequirement(String subject, Instant requiredAt, String requiredBy) {
        this.subject = subject;
        this.requiredAt = requiredAt;
        this.requiredBy = requiredBy;
    }

    public Instant requiredAt() { return requiredAt; }
    public String requiredBy() { return requiredBy; }
}
