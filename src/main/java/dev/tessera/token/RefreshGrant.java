package dev.tessera.token;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a refresh token family stands for, unchanged by rotation except that scope may only narrow.
 *
 * @param familyId  the grant id shared with the authorization code it came from
 * @param expiresAt the absolute end of the family, fixed at the first issue
 */
public record RefreshGrant(String familyId, String clientId, String subject, Set<String> scope, List<String> resources,
        String sid, Instant authTime, List<String> amr, String acr, String claims, boolean offline, Instant expiresAt) {

    public RefreshGrant narrowedTo(Set<String> narrower) {
        return new RefreshGrant(familyId, clientId, subject, narrower, resources, sid, authTime, amr, acr, claims, offline, expiresAt);
    }
}
