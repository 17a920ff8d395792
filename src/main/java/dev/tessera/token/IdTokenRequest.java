package dev.tessera.token;

import dev.tessera.client.Client;
import dev.tessera.user.UserAccount;

/**
 * What an ID token states: about whom ({@code user}), for which client, from which grant (its
 * authentication, session, scope and claims request), and what ties it to the response it travels in.
 *
 * @param includeScopeClaims put the scope's user claims in the ID token: only when no access token is
 *                           issued to fetch them from userinfo (OpenID Connect Core §5.4)
 */
public record IdTokenRequest(Client client, UserAccount user, UserGrant grant, Bindings bindings, boolean includeScopeClaims) {

    /**
     * What binds an ID token to its response (OpenID Connect Core §3.1.2.1 nonce, §3.3.2.11 at_hash and c_hash).
     *
     * @param nonce       the authorization request's nonce; null when none was sent or on refresh (§12.2)
     * @param accessToken the access token issued alongside, for at_hash; null when none
     * @param code        the code issued alongside, for c_hash; null when none
     */
    public record Bindings(String nonce, String accessToken, String code) {
    }
}
