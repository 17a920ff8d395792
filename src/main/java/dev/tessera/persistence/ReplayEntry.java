package dev.tessera.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time identifier already seen, kept until it could no longer be accepted anyway. */
@Entity
@Table(name = ReplayEntry.TABLE)
public class ReplayEntry {
    static final String TABLE = "replay_entry";
    static final String KEY_COLUMN = "key_hash";

    @Id
    @Column(name = KEY_COLUMN, length = 64)
    private String keyHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected ReplayEntry() {
    }

    public ReplayEntry(String keyHash, Instant expiresAt) {
        this.keyHash = keyHash;
        this.expiresAt = expiresAt;
    }
}
