package dev.tessera.token;

import dev.tessera.oauth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * The only writer of opaque_token. Revoking the token itself (RFC 7009) deletes the row: there is nothing left to find.
 * Revoking what it was issued from (a replayed code, a reused refresh token, a logout) lists its jti instead, as for a
 * JWT, and introspection checks that list ({@link AccessTokenInspector}).
 */
@ApplicationScoped
public class OpaqueTokens {

    @PersistenceContext(unitName = "tessera")
    EntityManager em;

    @Transactional
    public void store(String value, String jti, AccessTokenGrant grant, Instant issuedAt, Instant expiresAt) {
        em.persist(new OpaqueToken(Secrets.sha256Hex(value), jti, grant, issuedAt, expiresAt));
    }

    public Optional<OpaqueToken> find(String value) {
        return Optional.ofNullable(em.find(OpaqueToken.class, Secrets.sha256Hex(value)));
    }

    @Transactional
    public void delete(String value) {
        em.createQuery("DELETE FROM OpaqueToken t WHERE t.tokenHash = :h")
                .setParameter("h", Secrets.sha256Hex(value)).executeUpdate();
    }
}
