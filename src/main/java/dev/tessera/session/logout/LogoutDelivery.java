package dev.tessera.session.logout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One back-channel logout to deliver to one client: a row of the outbox. It holds what the logout token will say
 * (subject, sid), never the token itself: the token is signed at each attempt, so its short {@code exp} is fresh and
 * nothing in the table could be replayed. The client's URI is read at delivery time, so a client that changed or
 * removed its {@code backchannel_logout_uri} is posted to where it now wants, or not at all.
 */
@Entity
@Table(name = "logout_delivery")
public class LogoutDelivery {
    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "client_id", nullable = false, length = 128)
    private String clientId;

    @Column(name = "subject", nullable = false, length = 255)
    private String subject;

    @Column(name = "sid", length = 64)
    private String sid;

    @Column(name = "reason", nullable = false, length = 32)
    private String reason;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 200)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected LogoutDelivery() {
    }

    LogoutDelivery(String id, String clientId, String subject, String sid, String reason, Instant now, Instant expiresAt) {
        this.id = id;
        this.clientId = clientId;
        this.subject = subject;
        this.sid = sid;
        this.reason = reason;
        this.status = DeliveryStatus.PENDING.wireName();
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.updatedAt = now;
        this.expiresAt = expiresAt;
    }

    public String id() { return id; }
    public String clientId() { return clientId; }
    public String subject() { return subject; }
    public String sid() { return sid; }
    public String reason() { return reason; }
    public String status() { return status; }
    public int attempts() { return attempts; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public String lastError() { return lastError; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
