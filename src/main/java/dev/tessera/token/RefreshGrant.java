package dev.tessera.token;

import java.time.Instant;
import java.util.Set;

/**
 * What a refresh token family stands for: the user's grant, unchanged by rotation except that scope may only
 * narrow, and the family's bounds.
 *
 * @param offline     granted {@code offline_access}: the family outlives the SSO session (OpenID Connect Core §11)
 * @param expiresAt   the absolute end of the family, fixed at the first issue
 * @param rotatedFrom the hash of the token this grant was rotated from, null for a family's first token; it
 *                    lets a retry within the reuse interval find the successor it never saw ({@link RefreshRetries})
 */
public record RefreshGrant(UserGrant grant, boolean offline, Instant expiresAt, String rotatedFrom) {

    /** A family's first grant. */
    public RefreshGrant(UserGrant grant, boolean offline, Instant expiresAt) {
        this(grant, offline, expiresAt, null);
    }

    /** The family id: the grant id of the code or device code it came from. */
    public String familyId() {
        return grant.grantId();
    }

    public String subject() {
        return grant.subject();
    }

    public Set<String> scope() {
        return grant.scope();
    }

    public RefreshGrant narrowedTo(Set<String> narrower) {
        return new RefreshGrant(grant.narrowedTo(narrower), offline, expiresAt, rotatedFrom);
    }

    RefreshGrant rotatedFrom(String hash) {
        return new RefreshGrant(grant, offline, expiresAt, hash);
    }
}
