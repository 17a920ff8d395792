package dev.tessera.token;

import dev.tessera.client.SpaceSeparatedConverter;
import dev.tessera.oauth.JsonParsing;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.List;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * An opaque access token, found by the SHA-256 of its value; the value itself is never stored.
 *
 * <p>The grant's further claims (auth_time, the claims request's userinfo part, ...) are kept as JSON, so an
 * opaque token answers introspection (RFC 7662 §2.2) and /userinfo (OpenID Connect Core §5.5) with what
 * the same grant's JWT would carry.
 */
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

    /** JSON object of the grant's further claims; null when there are none. */
    @Column(name = "claims")
    private String claims;

    protected OpaqueToken() {
    }

    OpaqueToken(String tokenHash, String jti, AccessTokenGrant grant, Instant issuedAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.jti = jti;
        this.clientId = grant.client().clientId();
        this.subject = grant.subject();
        this.scope = Set.copyOf(grant.scope());
        this.audience = new LinkedHashSet<>(grant.audiences());
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.claims = grant.extra().isEmpty() ? null : JsonUtil.toJson(grant.extra());
    }

    TokenClaims claims() {
        return new TokenClaims(jti, clientId, subject, scope, List.copyOf(audience), issuedAt, expiresAt, extra());
    }

    private Map<String, Object> extra() {
        if (claims == null) {
            return Map.of();
        }
        try {
            // jose4j's parser, as for a JWT's payload: integers come back as Long, arrays as List.
            return JsonParsing.parse(claims);
        } catch (JoseException e) {
            // Only Tessera writes this column; a row that does not parse has been altered outside it.
            throw new IllegalStateException("opaque_token.claims of token " + jti + " is not a JSON object", e);
        }
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
