package dev.tessera.client;

import dev.tessera.cluster.CacheInvalidated;
import dev.tessera.cluster.Invalidations;
import dev.tessera.config.CacheSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test fixture: a {@link ClientRegistry} wired with the real policy, secrets and directory over an
 * in-memory repository, so services built on clients can be tested without a container or database.
 */
public final class InMemoryClients extends ClientRepository {
    private final Map<String, Client> rows = new LinkedHashMap<>();
    private final ClientRegistry registry = new ClientRegistry();
    private final ClientFixtures fixtures = new ClientFixtures();
    private final ClientSecrets secrets = fixtures.secrets;

    public InMemoryClients(Clock clock) {
        ClientMetadataPolicy policy = fixtures.policy();
        ClientDirectory directory = new ClientDirectory();
        directory.repository = this;
        directory.settings = new CacheSettings(Duration.ofSeconds(10));
        directory.clock = clock;
        registry.repository = this;
        registry.policy = policy;
        registry.secrets = secrets;
        registry.methods = fixtures.methods;
        registry.invalidations = new Invalidations() {
            @Override
            public void afterCommit(String cache, String key) {
                directory.invalidated(new CacheInvalidated(cache, key)); // no transaction here: the change is "committed"
            }
        };
        registry.clock = clock;
    }

    public ClientRegistry registry() {
        return registry;
    }

    public ClientSecrets secrets() {
        return secrets;
    }

    @Override
    public Optional<Client> find(String clientId) {
        return Optional.ofNullable(rows.get(clientId));
    }

    @Override
    public Optional<Client> findByRegistrationTokenHash(String hash) {
        return rows.values().stream().filter(c -> hash.equals(c.registrationTokenHash())).findFirst();
    }

    @Override
    public List<Client> list(int offset, int limit) {
        return new ArrayList<>(rows.values()).subList(offset, Math.min(rows.size(), offset + limit));
    }

    @Override
    public long count() {
        return rows.size();
    }

    @Override
    public void persist(Client client) {
        rows.put(client.clientId(), client);
    }

    @Override
    public Client merge(Client client) {
        rows.put(client.clientId(), client);
        return client;
    }

    @Override
    public void remove(String clientId) {
        rows.remove(clientId);
    }
}
