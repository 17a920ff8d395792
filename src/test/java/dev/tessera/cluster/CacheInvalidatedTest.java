package dev.tessera.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What travels between nodes, and that a node ignores anything else arriving on the topic. */
class CacheInvalidatedTest {

    @Test
    void roundTripsOverTheWire() {
        CacheInvalidated change = new CacheInvalidated(CacheInvalidated.CLIENTS, "web-app:1");

        assertThat(CacheInvalidated.fromWire(change.wire())).contains(change);
    }

    @Test
    void unknownCachesMalformedAndOversizedMessagesAreIgnored() {
        assertThat(CacheInvalidated.fromWire("sessions\nabc")).isEmpty();
        assertThat(CacheInvalidated.fromWire("client")).isEmpty();
        assertThat(CacheInvalidated.fromWire(42)).isEmpty();
        assertThat(CacheInvalidated.fromWire(null)).isEmpty();
        assertThat(CacheInvalidated.fromWire("client\n" + "x".repeat(1000))).isEmpty();
    }

    @Test
    void keysNameTheAlgorithm() {
        assertThat(CacheInvalidated.fromWire("keys\nRS256")).contains(new CacheInvalidated(CacheInvalidated.KEYS, "RS256"));
    }
}
