package dev.tessera.token;

import dev.tessera.client.Client;
import dev.tessera.user.UserAccount;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What an ID token states.
 *
 * @param accessToken        the access token issued alongside, for at_hash; null when none
 * @param code               the code issued alongside, for c_hash; null when none
 * @param includeScopeClaims put the scope's user claims in the ID token: only when no access token is
 *                           issued to fetch them from userinfo (OpenID Connect Core §5.4)
 */
public record IdTokenRequest(Client client, UserAccount user, Instant authTime, List<String> amr, String acr, String sid,
        String nonce, String accessToken, String code, Set<String> scopes, String claimsRequest, boolean includeScopeClaims) {
}
