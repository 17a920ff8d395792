package dev.tessera.token;

import dev.tessera.client.SpaceSeparatedConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;

/** An opaque access token, found by the SHA-256 of its value; the value itself is never stored. */
@Entity
@Table(name = "opaque_token")
public class OpaqueToken {
    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "jti", nullable = false, length = 64)
    private String jti;

    @Column(name = "client_id", nullable = false, length = 128)
    private String clientId;

    @Column(name = "subject", nullable = false, length = 255)
    private String subject;

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "scope", length = 2000)
    private Set<String> scope = Set.of();

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "audience", length = 4000)
    private Set<String> audience = Set.of();

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected OpaqueToken() {
    }

    OpaqueToken(String tokenHash, String jti, AccessTokenGrant grant, Instant issuedAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.jti = jti;
        this.clientId = grant.client().clientId();
        this.subject = grant.subject();
        this.scope = Set.copyOf(grant.scope());
        this.audience = new java.util.LinkedHashSet<>(grant.audiences());
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    TokenClaims claims() {
        return new TokenClaims(jti, clientId, subject, scope, java.util.List.copyOf(audience), issuedAt, expiresAt,
                java.util.Map.of());
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
