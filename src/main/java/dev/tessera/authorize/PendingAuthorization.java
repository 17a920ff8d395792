package dev.tessera.authorize;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An authorization request waiting for the person: kept in the database, so login and consent may be
 * answered by any node. Found by the SHA-256 of a random id that travels in the page URLs, and bound to
 * the browser that started it by the hash of a second random value in a short-lived cookie.
 */
@Entity
@Table(name = "pending_authorization")
public class PendingAuthorization {
    @Id
    @Column(name = "id_hash", length = 64)
    private String idHash;

    @Column(name = "browser_hash", nullable = false, length = 64)
    private String browserHash;

    @Column(name = "client_id", nullable = false, length = 128)
    private String clientId;

    @Column(name = "request", nullable = false)
    private String request;

    @Column(name = "subject", length = 255)
    private String subject;

    @Column(name = "login_done_at")
    private Instant loginDoneAt;

    @Column(name = "consent_done", nullable = false)
    private boolean consentDone;

    @Column(name = "denied", nullable = false)
    private boolean denied;

    @Column(name = "unmet", nullable = false)
    private boolean unmet;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected PendingAuthorization() {
    }

    PendingAuthorization(String idHash, String browserHash, AuthorizationRequest request, Instant createdAt, Instant expiresAt) {
        this.idHash = idHash;
        this.browserHash = browserHash;
        this.clientId = request.clientId();
        this.request = request.toJson();
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public AuthorizationRequest request() { return AuthorizationRequest.fromJson(request); }
    public String clientId() { return clientId; }
    public String subject() { return subject; }
    public Instant loginDoneAt() { return loginDoneAt; }
    public boolean consentDone() { return consentDone; }
    public boolean denied() { return denied; }
    /** The person could not reach the level the request needs (no factor, none to enrol). */
    public boolean unmet() { return unmet; }
    public Instant createdAt() { return createdAt; }
    Instant expiresAt() { return expiresAt; }
    String browserHash() { return browserHash; }
    String idHash() { return idHash; }
}
