package dev.tessera.token;

import dev.tessera.client.Client;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The scope a grant may have: what was asked for, if every value is allowed for the client, or the
 * client's default scope when nothing was asked for (RFC 6749 §3.3: the server "MUST either process
 * the request using a pre-defined default value or fail"). Asking for more is refused, not trimmed,
 * so a misconfigured client learns of it at once.
 */
@ApplicationScoped
public class GrantScopes {

    public Set<String> granted(Client client, String requested) {
        Set<String> asked = Scopes.parse(requested);
        if (asked.isEmpty()) {
            return new LinkedHashSet<>(client.defaultScopes());
        }
        Set<String> refused = new LinkedHashSet<>(asked);
        refused.removeAll(client.allowedScopes());
        if (!refused.isEmpty()) {
            throw new OAuthException(OAuthError.INVALID_SCOPE, "Scope not allowed for this client: " + Scopes.format(refused));
        }
        return asked;
    }

    /**
     * The scope of a token derived from another (token exchange): never wider than {@code ceiling}, the
     * scope of the token it came from, nor than the client's allowed scope. Nothing asked for: all of
     * that intersection. Asking for more is {@code invalid_scope}.
     */
    public Set<String> within(Client client, Set<String> ceiling, String requested) {
        Set<String> available = new LinkedHashSet<>(ceiling);
        available.retainAll(client.allowedScopes());
        Set<String> asked = Scopes.parse(requested);
        if (asked.isEmpty()) {
            return available;
        }
        Set<String> refused = new LinkedHashSet<>(asked);
        refused.removeAll(available);
        if (!refused.isEmpty()) {
            throw new OAuthException(OAuthError.INVALID_SCOPE, "Scope wider than the subject token's or not allowed for this client: "
                    + Scopes.format(refused));
        }
        return asked;
    }
}
