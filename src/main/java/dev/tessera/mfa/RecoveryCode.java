package dev.tessera.mfa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recovery code, by the SHA-256 of the person and the code; used once ({@code used_at}), then told about once. */
@Entity
@Table(name = "mfa_recovery_code")
public class RecoveryCode {
    @Id
    @Column(name = "code_hash", length = 64)
    private String codeHash;

    @Column(name = "subject", nullable = false, length = 255)
    private String subject;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "notice_shown", nullable = false)
    private boolean noticeShown;

    protected RecoveryCode() {
    }

    RecoveryCode(String codeHash, String subject, Instant createdAt) {
        this.codeHash = codeHash;
        this.subject = subject;
        this.createdAt = createdAt;
    }

    public Instant createdAt() { return createdAt; }
    public Instant usedAt() { return usedAt; }
}
