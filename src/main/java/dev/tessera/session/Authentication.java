package dev.tessera.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How and when the person proved who they are, as every token of their grant states it (OpenID Connect
 * Core §2): {@code auth_time}, {@code amr} and {@code acr}. One value from the sign-in to the ID token, so
 * the three never travel, or get stored, apart.
 *
 * @param authTime when the person authenticated; required ("auth_time", §2: REQUIRED when max_age was
 *                 requested, and Tessera always sends it)
 * @param amr      the methods used, e.g. {@code pwd} (RFC 8176); empty when unknown, never null
 * @param acr      the class of the authentication; null when none applies
 */
public record Authentication(Instant authTime, List<String> amr, String acr) {

    public Authentication {
        Objects.requireNonNull(authTime, "authTime");
        amr = amr == null ? List.of() : List.copyOf(amr);
    }
}
