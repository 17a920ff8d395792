package dev.tessera.mfa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One authenticator app of a person. The secret is stored encrypted ({@code keys/KeyEncryptor}, bound to this
 * row's id); {@code lastStep} is the last RFC 6238 time step accepted, moved only forward by one conditional
 * update ({@link TotpCredentials#verify}). Unconfirmed until the person typed a first valid code.
 */
@Entity
@Table(name = "mfa_totp")
public class TotpCredential {
    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "subject", nullable = false, length = 255)
    private String subject;

    @Column(name = "secret", nullable = false, length = 200)
    private String secret;

    @Column(name = "confirmed", nullable = false)
    private boolean confirmed;

    @Column(name = "last_step")
    private Long lastStep;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected TotpCredential() {
    }

    TotpCredential(String id, String subject, String sealedSecret, Instant createdAt) {
        this.id = id;
        this.subject = subject;
        this.secret = sealedSecret;
        this.createdAt = createdAt;
    }

    public String id() { return id; }
    public String subject() { return subject; }
    public boolean confirmed() { return confirmed; }
    public Instant createdAt() { return createdAt; }
    public Instant lastUsedAt() { return lastUsedAt; }
    String sealedSecret() { return secret; }

    /** The same secret, encrypted under the current key-encryption secret. */
    void resealed(String sealed) {
        this.secret = sealed;
    }
}
