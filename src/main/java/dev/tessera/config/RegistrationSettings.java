package dev.tessera.config;

import dev.tessera.oauth.Scopes;
import java.time.Duration;
import java.util.Set;

/**
 * Dynamic client registration (RFC 7591).
 *
 * @param open                 true lets anyone register a client without an initial access token. Off by
 *                             default: RFC 7591 §3 says the endpoint "MAY accept an initial access token
 *                             ... to limit registration to only previously authorized parties", and on an
 *                             intranet server every registered client can ask users for consent in its name
 * @param initialTokenLifetime how long an initial access token lives when the admin does not say
 * @param requirePkce          the {@code require_pkce} every registered client gets: true (the default), a code
 *                             request needs PKCE, or for a confidential client an OpenID request's nonce; false,
 *                             a confidential client may send neither (RFC 9700 §2.1.1; docs/security.md)
 * @param defaultScope         the scope a client registered without {@code scope} gets (RFC 7591 §2: "If
 *                             omitted, an authorization server MAY register a client with a default set of scopes")
 */
public record RegistrationSettings(boolean open, Duration initialTokenLifetime, boolean requirePkce, Set<String> defaultScope) {
    public RegistrationSettings {
        if (initialTokenLifetime.isNegative() || initialTokenLifetime.isZero()) {
            throw new IllegalArgumentException(ConfigKeys.REGISTRATION_INITIAL_TOKEN_LIFETIME + " must be positive");
        }
        defaultScope = Set.copyOf(defaultScope);
        defaultScope.stream().filter(s -> s.startsWith(Scopes.RESERVED_PREFIX)).findFirst().ifPresent(s -> {
            throw new IllegalArgumentException(ConfigKeys.REGISTRATION_DEFAULT_SCOPE + " must not contain " + s
                    + ": scopes starting with " + Scopes.RESERVED_PREFIX + " are never granted by registration");
        });
    }
}
