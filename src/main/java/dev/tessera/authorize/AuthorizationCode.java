package dev.tessera.authorize;

import dev.tessera.client.SpaceSeparatedConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An issued authorization code, by SHA-256 of its value, with everything it is bound to: client,
 * redirect URI, PKCE challenge, nonce, scope, resources and the session's authentication facts.
 * {@code grantId} names the grant, shared by every token issued from it.
 */
@Entity
@Table(name = "authorization_code")
public class AuthorizationCode {
    @Id
    @Column(name = "code_hash", length = 64)
    private String codeHash;

    @Column(name = "grant_id", nullable = false, length = 64)
    private String grantId;

    @Column(name = "client_id", nullable = false, length = 128)
    private String clientId;

    @Column(name = "subject", nullable = false, length = 255)
    private String subject;

    /** Null when the request carried no redirect_uri; then the token request must not carry one either. */
    @Column(name = "redirect_uri", length = 2000)
    private String redirectUri;

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "scope", length = 2000)
    private Set<String> scope = Set.of();

    @Convert(converter = SpaceSeparatedConverter.class)
    @Column(name = "resources", length = 2000)
    private Set<String> resources = Set.of();

    @Column(name = "nonce", length = 512)
    private String nonce;

    @Column(name = "code_challenge", length = 128)
    private String codeChallenge;

    @Column(name = "code_challenge_method", length = 8)
    private String codeChallengeMethod;

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

    @Column(name = "access_jti", length = 64)
    private String accessJti;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "consumed_at")
    private Instant consumedAt;

    protected AuthorizationCode() {
    }

    AuthorizationCode(String codeHash, String grantId, AuthorizationRequest request, String subject, String sid,
            Instant authTime, List<String> amr, String acr, Instant createdAt, Instant expiresAt) {
        this.codeHash = codeHash;
        this.grantId = grantId;
        this.clientId = request.clientId();
        this.subject = subject;
        this.redirectUri = request.redirectUriGiven() ? request.redirectUri() : null;
        this.scope = Set.copyOf(request.scope());
        this.resources = Set.copyOf(request.resources());
        this.nonce = request.nonce();
        this.codeChallenge = request.codeChallenge();
        this.codeChallengeMethod = request.codeChallengeMethod();
        this.sid = sid;
        this.authTime = authTime;
        this.amr = String.join(" ", amr);
        this.acr = acr;
        this.claims = request.claims();
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String grantId() { return grantId; }
    public String clientId() { return clientId; }
    public String subject() { return subject; }
    public String redirectUri() { return redirectUri; }
    public Set<String> scope() { return scope; }
    public Set<String> resources() { return resources; }
    public String nonce() { return nonce; }
    public String codeChallenge() { return codeChallenge; }
    public String codeChallengeMethod() { return codeChallengeMethod; }
    public String sid() { return sid; }
    public Instant authTime() { return authTime; }
    public List<String> amr() { return amr == null || amr.isBlank() ? List.of() : List.of(amr.split(" ")); }
    public String acr() { return acr; }
    public String claims() { return claims; }
    public String accessJti() { return accessJti; }
    public Instant expiresAt() { return expiresAt; }

    void accessTokenIssued(String jti) {
        this.accessJti = jti;
    }
}
