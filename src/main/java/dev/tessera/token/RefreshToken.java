package dev.tessera.token;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;

/**
 * A refresh token, by SHA-256 of its value, bound to its client, scope, resources and the
 * authentication it came from. {@code consumedAt} is set when it is rotated; presenting it again is reuse.
 * Its grant id is the family id: every token rotated from one code shares it.
 */
@Entity
@Table(name = "refresh_token")
@AttributeOverride(name = "hash", column = @Column(name = "token_hash", length = 64))
@AttributeOverride(name = "grantId", column = @Column(name = "family_id", nullable = false, length = 64))
@AttributeOverride(name = "createdAt", column = @Column(name = "issued_at", nullable = false))
public class RefreshToken extends OneTimeArtifact {
    @Column(name = "sid", length = 64)
    private String sid;

    @Column(name = "claims", length = 4000)
    private String claims;

    @Column(name = "offline", nullable = false)
    private boolean offline;

    @Column(name = "idle_expires_at", nullable = false)
    private Instant idleExpiresAt;

    /** The token this one was rotated from; null for a family's first token. */
    @Column(name = "parent_hash", length = 64)
    private String parentHash;

    protected RefreshToken() {
    }

    RefreshToken(String tokenHash, RefreshGrant grant, Instant issuedAt, Instant idleExpiresAt) {
        super(tokenHash, grant.grant(), issuedAt, grant.expiresAt());
        this.sid = grant.grant().signIn().sid();
        this.claims = grant.grant().claims();
        this.offline = grant.offline();
        this.idleExpiresAt = idleExpiresAt.isBefore(grant.expiresAt()) ? idleExpiresAt : grant.expiresAt();
        this.parentHash = grant.rotatedFrom();
    }

    /** The introspection view (RFC 7662 §2.2); token_type_hint-independent. */
    TokenClaims claims() {
        return new TokenClaims(hash().substring(0, 22), clientId(), subject(), scope(), resources(), createdAt(), expiresAt(),
                Map.of("token_type", "refresh_token"));
    }

    @Override
    public UserGrant userGrant() {
        return userGrant(sid, claims);
    }

    /** What this token carries forward to the next one of its family. */
    public RefreshGrant grant() {
        return new RefreshGrant(userGrant(), offline, expiresAt());
    }

    public String familyId() { return grantId(); }
    public Instant idleExpiresAt() { return idleExpiresAt; }
    public String parentHash() { return parentHash; }
}
