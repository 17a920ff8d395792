package dev.tessera.session;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
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

    @Column(name = "client_address", length = SessionOrigin.MAX_ADDRESS)
    private String clientAddress;

    @Column(name = "user_agent", length = SessionOrigin.MAX_USER_AGENT)
    private String userAgent;

    /** Null for sessions older than changeset 021: then the session counts as last active when it began. */
    @Column(name = "last_active_at")
    private Instant lastActiveAt;

    protected SsoSession() {
    }

    SsoSession(String idHash, SignIn signIn, boolean remember, Instant createdAt, Instant idleExpiresAt, Instant expiresAt,
            SessionOrigin origin) {
        this.idHash = idHash;
        this.sid = signIn.sid();
        this.subject = signIn.subject();
        this.authentication = new StoredAuthentication(signIn.authentication());
        this.remember = remember;
        this.createdAt = createdAt;
        this.idleExpiresAt = idleExpiresAt;
        this.expiresAt = expiresAt;
        this.clientAddress = origin.address();
        this.userAgent = origin.userAgent();
        this.lastActiveAt = createdAt;
    }

    public String sid() { return sid; }
    public String subject() { return subject; }
    public Authentication authentication() { return authentication.value(); }
    public boolean remember() { return remember; }
    public Instant createdAt() { return createdAt; }
    public Instant idleExpiresAt() { return idleExpiresAt; }
    public Instant expiresAt() { return expiresAt; }
    /** Where and with what the person signed in: the address and the (cut) User-Agent header, null when unknown. */
    public SessionOrigin origin() { return new SessionOrigin(clientAddress, userAgent); }
    /** When the session was last used, to within {@link SessionService#activityStep}. */
    public Instant lastActive() { return lastActiveAt != null ? lastActiveAt : createdAt; }
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

    /**
     * Restarts the idle timer and records the use, unless the last recorded use is less than {@code step} ago: then
     * nothing changes and the request writes nothing. Returns whether it changed the row.
     */
    boolean touch(Instant now, Duration idle, Duration step) {
        if (now.isBefore(lastActive().plus(step))) {
            return false;
        }
        lastActiveAt = now;
        Instant idleUntil = now.plus(idle);
        idleExpiresAt = idleUntil.isBefore(expiresAt) ? idleUntil : expiresAt;
        return true;
    }
}
