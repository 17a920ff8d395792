package dev.tessera.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A signed-in browser. The cookie carries a 256-bit secret; this row only its SHA-256, so a copy of the
 * database cannot be turned into live sessions. {@code sid} is the separate, public identifier that ID
 * tokens carry.
 */
@Entity
@Table(name = "sso_session")
public class SsoSession {
    @Id
    @Column(name = "id_hash", length = 64)
    private String idHash;

    @Column(name = "sid", nullable = false, length = 64)
    private String sid;

    @Column(name = "subject", nullable = false, length = 255)
    private String subject;

    @Column(name = "auth_time", nullable = false)
    private Instant authTime;

    @Column(name = "amr", length = 200)
    private String amr;

    @Column(name = "acr", length = 200)
    private String acr;

    @Column(name = "remember", nullable = false)
    private boolean remember;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "idle_expires_at", nullable = false)
    private Instant idleExpiresAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected SsoSession() {
    }

    SsoSession(String idHash, String sid, String subject, Instant authTime, List<String> amr, String acr, boolean remember,
            Instant createdAt, Instant idleExpiresAt, Instant expiresAt) {
        this.idHash = idHash;
        this.sid = sid;
        this.subject = subject;
        this.authTime = authTime;
        this.amr = String.join(" ", amr);
        this.acr = acr;
        this.remember = remember;
        this.createdAt = createdAt;
        this.idleExpiresAt = idleExpiresAt;
        this.expiresAt = expiresAt;
    }

    public String sid() { return sid; }
    public String subject() { return subject; }
    public Instant authTime() { return authTime; }
    public List<String> amr() { return amr == null || amr.isBlank() ? List.of() : Arrays.asList(amr.split(" ")); }
    public String acr() { return acr; }
    public boolean remember() { return remember; }
    public Instant idleExpiresAt() { return idleExpiresAt; }
    public Instant expiresAt() { return expiresAt; }
    String idHash() { return idHash; }

    public boolean liveAt(Instant now) {
        return now.isBefore(idleExpiresAt) && now.isBefore(expiresAt);
    }

    void touch(Instant idleUntil) {
        idleExpiresAt = idleUntil.isBefore(expiresAt) ? idleUntil : expiresAt;
    }
}
