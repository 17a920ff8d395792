package dev.tessera.user.ldap;

import dev.tessera.cluster.CacheInvalidated;
import dev.tessera.cluster.Invalidations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Group to parent groups, as the level-by-level expansion of nested groups found them. A group's parents change
 * rarely, and every person in a group shares them, so after warm-up a sign-in needs only the search for the
 * person's own groups (none with memberOf). Entries live {@code tessera.ldap.group-cache-ttl}; an administrator
 * who changed the nesting empties the cache of every node at once ({@link #flush}, over {@link Invalidations}).
 * At most {@link #MAX_ENTRIES} groups are kept; when full, expired ones go, and if none has, all.
 */
@ApplicationScoped
public class LdapGroupCache {
    static final int MAX_ENTRIES = 100_000;

    /** A group as the claim shows it: its DN and its name. */
    public record Group(String dn, String name) {
    }

    private record Parents(List<Group> groups, Instant readAt) {
    }

    private final Map<String, Parents> byGroup = new ConcurrentHashMap<>();

    @Inject
    LdapTuning tuning;

    @Inject
    Invalidations invalidations;

    public LdapGroupCache() {
    }

    /** For tests: a cache of this node only. */
    public LdapGroupCache(LdapTuning tuning) {
        this.tuning = tuning;
    }

    /** The parents of the group with this normalized DN, read less than the TTL ago. */
    public Optional<List<Group>> parents(String normalizedDn, Instant now) {
        Parents cached = byGroup.get(normalizedDn);
        return cached != null && fresh(cached, now) ? Optional.of(cached.groups()) : Optional.empty();
    }

    public void put(String normalizedDn, List<Group> parents, Instant now) {
        Duration ttl = tuning.groupCacheTtl();
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        if (byGroup.size() >= MAX_ENTRIES) {
            byGroup.values().removeIf(p -> !fresh(p, now));
            if (byGroup.size() >= MAX_ENTRIES) {
                byGroup.clear();
            }
        }
        byGroup.put(normalizedDn, new Parents(List.copyOf(parents), now));
    }

    public int size() {
        return byGroup.size();
    }

    /** Empties this cache on every node: here at once, elsewhere when the data grid delivers the message. */
    public void flush() {
        if (invalidations == null) {
            byGroup.clear();
        } else {
            invalidations.afterCommit(CacheInvalidated.LDAP_GROUPS, CacheInvalidated.ALL);
        }
    }

    void onInvalidated(@Observes CacheInvalidated change) {
        if (CacheInvalidated.LDAP_GROUPS.equals(change.cache())) {
            byGroup.clear();
        }
    }

    private boolean fresh(Parents parents, Instant now) {
        return now.isBefore(parents.readAt().plus(tuning.groupCacheTtl()));
    }
}
