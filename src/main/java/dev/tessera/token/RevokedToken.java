package dev.tessera.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A JWT access token revoked before its exp; introspection reports it inactive until then. */
@Entity
@Table(name = RevokedToken.TABLE)
public class RevokedToken {
    static final String TABLE = "revoked_token";
    static final String KEY_COLUMN = "jti";

    @Id
    @Column(name = KEY_COLUMN, length = 64)
    private String jti;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected RevokedToken() {
    }

    RevokedToken(String jti, Instant expiresAt) {
        this.jti = jti;
        this.expiresAt = expiresAt;
    }
}
