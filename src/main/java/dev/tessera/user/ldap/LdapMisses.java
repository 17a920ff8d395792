package dev.tessera.user.ldap;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login names the directory just said it does not know, kept {@code tessera.ldap.negative-cache-ttl} so that with
 * {@code tessera.users.stores=ldap,local} a local person's sign-ins do not each pay a directory search first. Short
 * on purpose: a person added to the directory meanwhile can sign in once it expires. At most {@link #MAX_ENTRIES}
 * names (when full, expired ones go, and if none has, all), so guessed names cannot grow it without bound.
 */
final class LdapMisses {
    static final int MAX_ENTRIES = 10_000;

    private final Map<String, Instant> missedAt = new ConcurrentHashMap<>();
    private final Duration ttl;

    LdapMisses(Duration ttl) {
        this.ttl = ttl;
    }

    boolean known(String normalizedName, Instant now) {
        Instant at = missedAt.get(normalizedName);
        return at != null && now.isBefore(at.plus(ttl));
    }

    void missed(String normalizedName, Instant now) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        if (missedAt.size() >= MAX_ENTRIES) {
            missedAt.values().removeIf(at -> !now.isBefore(at.plus(ttl)));
            if (missedAt.size() >= MAX_ENTRIES) {
                missedAt.clear();
            }
        }
        missedAt.put(normalizedName, now);
    }
}
