package dev.tessera.session;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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

    @Embedded
    private StoredAuthentication authentication;

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

    SsoSession(String idHash, SignIn signIn, boolean remember, Instant createdAt, Instant idleExpiresAt, Instant expiresAt) {
        this.idHash = idHash;
        this.sid = signIn.sid();
        this.subject = signIn.subject();
        this.authentication = new StoredAuthentication(signIn.authentication());
        this.remember = remember;
        this.createdAt = createdAt;
        this.idleExpiresAt = idleExpiresAt;
        this.expiresAt = expiresAt;
    }

    public String sid() { return sid; }
    public String subject() { return subject; }
    public Authentication authentication() { return authentication.value(); }
    public boolean remember() { return remember; }
    public Instant createdAt() { return createdAt; }
    public Instant idleExpiresAt() { return idleExpiresAt; }
    public Instant expiresAt() { return expiresAt; }
    String idHash() { return idHash; }

    /** The sign-in this session stands for, bound to it: what an authorization code carries to the tokens. */
    public SignIn signIn() {
        return new SignIn(subject, authentication(), sid);
    }

    public boolean liveAt(Instant now) {
        return now.isBefore(idleExpiresAt) && now.isBefore(expiresAt);
    }

    /** A second factor raised the level: the new authentication replaces the old one, same session and sid. */
    void raise(Authentication raised) {
        authentication = new StoredAuthentication(raised);
    }

    void touch(Instant idleUntil) {
        idleExpiresAt = idleUntil.isBefore(expiresAt) ? idleUntil : expiresAt;
    }
}
