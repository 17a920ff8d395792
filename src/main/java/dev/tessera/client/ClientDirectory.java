package dev.tessera.client;

import dev.tessera.cluster.CacheInvalidated;
import dev.tessera.config.CacheSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client lookups for the hot paths (token, introspection, revocation), answered from memory for
 * {@code tessera.cache.client-ttl}. A committed change drops the entry on every node
 * ({@link CacheInvalidated} from {@link dev.tessera.cluster.Invalidations}); the TTL bounds staleness
 * when a node misses that message, so keep it short. Unknown ids are not cached, so a caller cannot
 * fill memory with them.
 */
@ApplicationScoped
public class ClientDirectory {

    @Inject
    ClientRepository repository;

    @Inject
    CacheSettings settings;

    @Inject
    Clock clock;

    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Client client, Instant loadedAt) {
    }

    public Optional<Client> find(String clientId) {
        if (clientId == null || clientId.length() > 128) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry entry = cache.get(clientId);
        if (entry != null && entry.loadedAt().plus(settings.clientTtl()).isAfter(now)) {
            return Optional.of(entry.client());
        }
        Optional<Client> loaded = repository.find(clientId);
        loaded.ifPresentOrElse(c -> cache.put(clientId, new Entry(c, now)), () -> cache.remove(clientId));
        return loaded;
    }

    void invalidated(@Observes CacheInvalidated change) {
        if (CacheInvalidated.CLIENTS.equals(change.cache())) {
            cache.remove(change.key());
        }
    }
}
