package dev.tessera.token;

import dev.tessera.client.SpaceSeparatedConverter;
import dev.tessera.session.Authentication;
import dev.tessera.session.SignIn;
import dev.tessera.session.StoredAuthentication;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What authorization codes, device codes and refresh tokens share: a secret known by its SHA-256 only, that
 * stands for a user's grant, is redeemed at the token endpoint once ({@code consumedAt}, set by one atomic
 * update in {@link OneTimeArtifacts}) and remembers the access token its redemption issued, so that a
 * replay can revoke it for as long as it lives (RFC 6749 §4.1.2, RFC 9700 §4.14.2).
 *
 * <p>The columns have these default names; an entity whose table names one differently says so with an
 * {@code @AttributeOverride} (the tables predate this class and keep their names).
 */
@MappedSuperclass
public abstract class OneTimeArtifact {
    @Id
    @Column(name = "hash", length = 64)
    private String hash;

    @Column(name = "grant_id", nullable = false, length = 64)
    private String grantId;

    @Column(name = "client_id", nullable = false, length = 128)
    private String clientId;

    @Column(name = "subject", length = 255)
    private String subject;

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "scope", length = 2000)
    private Set<String> scope = Set.of();

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "resources", length = 2000)
    private Set<String> resources = Set.of();

    @Embedded
    private StoredAuthentication authentication;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "consumed_at")
    private Instant consumedAt;

    @Column(name = "access_jti", length = 64)
    private String accessJti;

    /** Null for rows written before the column existed, or by a node not yet upgraded. */
    @Column(name = "access_expires_at")
    private Instant accessExpiresAt;

    protected OneTimeArtifact() {
    }

    protected OneTimeArtifact(String hash, UserGrant grant, Instant createdAt, Instant expiresAt) {
        this.hash = hash;
        this.grantId = grant.grantId();
        this.clientId = grant.clientId();
        this.scope = Set.copyOf(grant.scope());
        this.resources = Set.copyOf(grant.resources());
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        if (grant.signIn() != null) {
            grantedBy(grant.subject(), grant.authentication());
        }
    }

    /** The user's grant this artifact stands for, with what its own table adds (session binding, claims request). */
    public abstract UserGrant userGrant();

    /** The grant from the shared columns, plus the session binding and claims request only some tables keep. */
    protected final UserGrant userGrant(String sid, String claims) {
        SignIn signIn = subject == null ? null : new SignIn(subject, authentication(), sid);
        return new UserGrant(grantId, clientId, signIn, scope, List.copyOf(resources), claims);
    }

    /** The person the grant is from, once known (a device code learns it from the decision). */
    protected final void grantedBy(String subject, Authentication authentication) {
        this.subject = subject;
        this.authentication = StoredAuthentication.of(authentication);
    }

    /** Production consumes with {@link OneTimeArtifacts#consume}'s atomic update; this mirrors it for in-memory tests. */
    protected final void consumed(Instant at) {
        this.consumedAt = at;
    }

    /** Records the access token issued on redemption and when it expires (its lifetime counted from {@code now}). */
    void accessTokenIssued(IssuedAccessToken access, Instant now) {
        this.accessJti = access.jti();
        this.accessExpiresAt = now.plusSeconds(access.expiresIn());
    }

    String hash() { return hash; }
    public String grantId() { return grantId; }
    public String clientId() { return clientId; }
    public String subject() { return subject; }
    public Set<String> scope() { return scope; }
    public List<String> resources() { return List.copyOf(resources); }
    public Authentication authentication() { return StoredAuthentication.valueOf(authentication); }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant consumedAt() { return consumedAt; }
    public String accessJti() { return accessJti; }
    public Instant accessExpiresAt() { return accessExpiresAt; }
}
