package dev.tessera.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.CacheSettings;
import dev.tessera.user.MovingClock;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The "node-local caches, short TTLs" mode (no data grid, e.g. WildFly; docs/wildfly.md): a node that is never told
 * of a change made on another node is only staler, for at most {@code tessera.cache.client-ttl}, never wrong.
 * Node A is the registry that writes; node B is a second directory over the same table that hears nothing.
 */
class NodeLocalCachesTest {
    private static final Duration TTL = Duration.ofSeconds(10);
    private final MovingClock clock = new MovingClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryClients table = new InMemoryClients(clock);
    private final ClientDirectory nodeB = directoryOver(table);

    private ClientDirectory directoryOver(ClientRepository repository) {
        ClientDirectory directory = new ClientDirectory();
        directory.repository = repository;
        directory.settings = new CacheSettings(TTL);
        directory.clock = clock;
        return directory;
    }

    private static ClientMetadata service() {
        return ClientMetadata.fromJson(Json.createObjectBuilder()
                .add("grant_types", Json.createArrayBuilder().add("client_credentials")).build());
    }

    @Test
    void aClientDeletedElsewhereIsServedForAtMostTheTtl() {
        table.registry().create(service(), "reports");
        assertThat(nodeB.find("reports")).isPresent();

        table.registry().delete("reports");
        clock.advance(TTL.minusSeconds(1));
        assertThat(nodeB.find("reports")).as("stale within the TTL").isPresent();

        clock.advance(Duration.ofSeconds(1));
        assertThat(nodeB.find("reports")).as("gone once the TTL has passed").isEmpty();
    }

    @Test
    void aClientCreatedElsewhereIsSeenAtOnceBecauseUnknownIdsAreNotCached() {
        assertThat(nodeB.find("late")).isEmpty();

        table.registry().create(service(), "late");

        assertThat(nodeB.find("late")).isPresent();
    }

    @Test
    void aChangeElsewhereIsReadAgainOnceTheTtlHasPassed() {
        table.registry().create(service(), "svc");
        Client cached = nodeB.find("svc").orElseThrow();
        Client replaced = table.registry().update("svc", ClientMetadata.fromJson(Json.createObjectBuilder()
                .add("grant_types", Json.createArrayBuilder().add("client_credentials")).add("client_name", "Renamed").build()));
        // The in-memory table may hand out a new object or change the old one; either way B never serves anything older.
        clock.advance(TTL);

        assertThat(nodeB.find("svc")).containsSame(table.find("svc").orElseThrow());
        assertThat(replaced.clientId()).isEqualTo(cached.clientId());
    }
}
