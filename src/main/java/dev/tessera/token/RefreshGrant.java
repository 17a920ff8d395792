package dev.tessera.token;

import java.time.Instant;
import java.util.Set;

/**
 * What a refresh token family stands for: the user's grant, unchanged by rotation except that scope may only
 * narrow, and the family's bounds.
 *
 * @param offline   granted {@code offline_access}: the family outlives the SSO session (OpenID Connect Core §11)
 * @param expiresAt the absolute end of the family, fixed at the first issue
 */
public record RefreshGrant(UserGrant grant, boolean offline, Instant expiresAt) {

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
        return new RefreshGrant(grant.narrowedTo(narrower), offline, expiresAt);
    }
}
