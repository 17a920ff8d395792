package dev.tessera.authorize;

import dev.tessera.token.OneTimeArtifact;
import dev.tessera.token.UserGrant;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An issued authorization code, by SHA-256 of its value, with everything it is bound to: the user's grant
 * (client, scope, resources, the session's authentication facts) and what the token request must repeat
 * (redirect URI, PKCE challenge) or the ID token must carry (nonce). {@code grantId} names the grant, shared
 * by every token issued from it.
 */
@Entity
@Table(name = "authorization_code")
@AttributeOverride(name = "hash", column = @Column(name = "code_hash", length = 64))
public class AuthorizationCode extends OneTimeArtifact {
    /** Null when the request carried no redirect_uri; then the token request must not carry one either. */
    @Column(name = "redirect_uri", length = 2000)
    private String redirectUri;

    @Column(name = "nonce", length = 512)
    private String nonce;

    @Column(name = "code_challenge", length = 128)
    private String codeChallenge;

    @Column(name = "code_challenge_method", length = 8)
    private String codeChallengeMethod;

    @Column(name = "sid", length = 64)
    private String sid;

    @Column(name = "claims", length = 4000)
    private String claims;

    protected AuthorizationCode() {
    }

    AuthorizationCode(String codeHash, UserGrant grant, AuthorizationRequest request, Instant createdAt, Instant expiresAt) {
        super(codeHash, grant, createdAt, expiresAt);
        this.redirectUri = request.redirectUriGiven() ? request.redirectUri() : null;
        this.nonce = request.nonce();
        this.codeChallenge = request.codeChallenge();
        this.codeChallengeMethod = request.codeChallengeMethod();
        this.sid = grant.signIn().sid();
        this.claims = grant.claims();
    }

    @Override
    public UserGrant userGrant() {
        return userGrant(sid, claims);
    }

    public String redirectUri() { return redirectUri; }
    public String nonce() { return nonce; }
    public String codeChallenge() { return codeChallenge; }
    public String codeChallengeMethod() { return codeChallengeMethod; }
}
