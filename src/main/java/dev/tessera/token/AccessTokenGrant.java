package dev.tessera.token;

import dev.tessera.client.Client;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an access token is for: decided by a grant handler, turned into a token by
 * {@link AccessTokenIssuer}.
 *
 * @param subject   the user, or for grants without one the client id (RFC 9068 §2.2 sub)
 * @param audiences the resource servers that may accept it (RFC 8707, RFC 9068 aud)
 * @param extra     further claims (auth_time, act, ...) added by specific grants
 */
public record AccessTokenGrant(Client client, String subject, Set<String> scope, List<String> audiences,
        Map<String, Object> extra) {
}
