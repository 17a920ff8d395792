package dev.tessera.authorize;

import dev.tessera.client.Client;
import dev.tessera.oauth.Scopes;
import java.util.Optional;
import java.util.Set;

/**
 * What must bind an authorization code to the request that obtained it when no {@code code_challenge} was
 * sent: the PKCE policy of RFC 9700 §2.1.1. Public clients "MUST use PKCE". Confidential clients "SHOULD" use
 * it, but an OpenID Connect client "MAY" rely on {@code nonce} instead (the code then yields an ID token
 * bound to that nonce), and an administrator may register a confidential client that uses neither
 * ({@code require_pkce: false}, for relying parties such as the OpenID certification plans' that send
 * neither). Whatever the policy, a challenge once sent needs its verifier at the token endpoint, and a
 * verifier without a challenge is refused ({@link AuthorizationCodeGrant}, RFC 9700 §4.8.2).
 */
final class CodeBinding {
    private CodeBinding() {
    }

    /**
     * Why a request without a code challenge is refused, or empty when it may go on.
     *
     * @param responseType the normalised response type; only those that issue a code need a binding
     * @param scope        the requested scope, already checked
     * @param nonce        whether the request carries a nonce
     */
    static Optional<String> missingChallenge(Client client, String responseType, Set<String> scope, boolean nonce) {
        if (!Set.of(responseType.split(" ")).contains("code")) {
            return Optional.empty();
        }
        if (client.isPublic()) {
            return Optional.of("code_challenge is required (PKCE, method S256): public clients always use PKCE");
        }
        if (!client.requirePkce() || nonce && scope.contains(Scopes.OPENID)) {
            return Optional.empty();
        }
        return Optional.of("code_challenge is required (PKCE, method S256), or for an OpenID request (scope openid) a nonce");
    }
}
