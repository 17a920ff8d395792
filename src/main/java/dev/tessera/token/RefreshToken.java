package dev.tessera.token;

import dev.tessera.client.SpaceSeparatedConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A refresh token, by SHA-256 of its value, bound to its client, scope, resources and the
 * authentication it came from. {@code consumedAt} is set when it is rotated; presenting it again is reuse.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {
    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "family_id", nullable = false, length = 64)
    private String familyId;

    @Column(name = "client_id", nullable = false, length = 128)
    private String clientId;

    @Column(name = "subject", nullable = false, length = 255)
    private String subject;

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "scope", length = 2000)
    private Set<String> scope = Set.of();

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "resources", length = 2000)
    private Set<String> resources = Set.of();

    @Column(name = "sid", length = 64)
    private String sid;

    @Column(name = "auth_time", nullable = false)
    private Instant authTime;

    @Column(name = "amr", length = 200)
    private String amr;

    @Column(name = "acr", length = 200)
    private String acr;

    @Column(name = "claims", length = 4000)
    private String claims;

    @Column(name = "offline", nullable = false)
    private boolean offline;

    @Column(name = "access_jti", length = 64)
    private String accessJti;

    @Column(name = "access_expires_at")
    private Instant accessExpiresAt;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "idle_expires_at", nullable = false)
    private Instant idleExpiresAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "consumed_at")
    private Instant consumedAt;

    protected RefreshToken() {
    }

    RefreshToken(String tokenHash, RefreshGrant grant, Instant issuedAt, Instant idleExpiresAt) {
        this.tokenHash = tokenHash;
        this.familyId = grant.familyId();
        this.clientId = grant.clientId();
        this.subject = grant.subject();
        this.scope = Set.copyOf(grant.scope());
        this.resources = Set.copyOf(grant.resources());
        this.sid = grant.sid();
        this.authTime = grant.authTime();
        this.amr = String.join(" ", grant.amr());
        this.acr = grant.acr();
        this.claims = grant.claims();
        this.offline = grant.offline();
        this.issuedAt = issuedAt;
        this.idleExpiresAt = idleExpiresAt.isBefore(grant.expiresAt()) ? idleExpiresAt : grant.expiresAt();
        this.expiresAt = grant.expiresAt();
    }

    /** The introspection view (RFC 7662 §2.2); token_type_hint-independent. */
    TokenClaims claims() {
        return new TokenClaims(tokenHash.substring(0, 22), clientId, subject, scope, List.copyOf(resources), issuedAt, expiresAt,
                Map.of("token_type", "refresh_token"));
    }

    /** What this token carries forward to the next one of its family. */
    public RefreshGrant grant() {
        return new RefreshGrant(familyId, clientId, subject, scope, List.copyOf(resources), sid, authTime,
                amr == null || amr.isBlank() ? List.of() : List.of(amr.split(" ")), acr, claims, offline, expiresAt);
    }

    public String clientId() { return clientId; }
    public String familyId() { return familyId; }
    public Instant idleExpiresAt() { return idleExpiresAt; }
    public Instant expiresAt() { return expiresAt; }
    Instant consumedAt() { return consumedAt; }
    String accessJti() { return accessJti; }
    Instant accessExpiresAt() { return accessExpiresAt; }

    void accessTokenIssued(String jti, Instant expires) {
        this.accessJti = jti;
        this.accessExpiresAt = expires;
    }
}
