package dev.tessera.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An initial access token (RFC 7591 §3), found by the SHA-256 of its value; the value itself is never
 * stored, so a leaked database registers no clients. The id names it to the admin API for revocation.
 */
@Entity
@Table(name = "initial_access_token")
public class InitialAccessToken {
    @Id
    @Column(name = "id", length = 32)
    private String id;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "remaining_uses", nullable = false)
    private int remainingUses;

    protected InitialAccessToken() {
    }

    InitialAccessToken(String id, String tokenHash, Instant createdAt, Instant expiresAt, int remainingUses) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.remainingUses = remainingUses;
    }

    String id() {
        return id;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    int remainingUses() {
        return remainingUses;
    }
}
