package dev.tessera.user.ldap;

import dev.tessera.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts read from the directory, kept briefly by subject so userinfo and the token endpoint do not
 * search again for each request. Nothing is imported: an entry lives {@code tessera.ldap.cache-ttl} at
 * most, per node, and the cache holds at most {@link #MAX_ENTRIES} people (when full, expired ones are
 * dropped, and if none is, everything).
 */
public final class LdapAccountCache {
    static final int MAX_ENTRIES = 10_000;

    private record Cached(UserAccount account, Instant readAt) {
    }

    private final Map<String, Cached> bySubject = new ConcurrentHashMap<>();
    private final Duration ttl;

    public LdapAccountCache(Duration ttl) {
        this.ttl = ttl;
    }

    public void put(UserAccount account, Instant now) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        if (bySubject.size() >= MAX_ENTRIES) {
            bySubject.values().removeIf(c -> !fresh(c, now));
            if (bySubject.size() >= MAX_ENTRIES) {
                bySubject.clear();
            }
        }
        bySubject.put(account.subject(), new Cached(account, now));
    }

    /** The account read less than the TTL ago. */
    public Optional<UserAccount> fresh(String subject, Instant now) {
        Cached cached = bySubject.get(subject);
        return cached != null && fresh(cached, now) ? Optional.of(cached.account()) : Optional.empty();
    }

    public void forget(String subject) {
        bySubject.remove(subject);
    }

    private boolean fresh(Cached cached, Instant now) {
        return now.isBefore(cached.readAt().plus(ttl));
    }
}
