package dev.tessera.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.AuditSettings;
import dev.tessera.metrics.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The asynchronous writer: batches, and a failed write or a full queue counted, never thrown at the caller. */
class AuditTrailTest {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<List<AuditEvent>> batches = new ArrayList<>();
    final List<AuditRecord> exported = new ArrayList<>();
    boolean databaseDown;

    AuditTrail trail(int batchSize, int capacity) {
        AuditSettings settings = new AuditSettings(Duration.ofSeconds(1), batchSize, capacity, Duration.ZERO, null, null, 514, false);
        AuditTrail trail = new AuditTrail();
        trail.settings = settings;
        trail.chain = new AuditChain() {
            @Override
            public List<AuditRecord> append(List<AuditEvent> events) {
                if (databaseDown) {
                    throw new IllegalStateException("connection refused");
                }
                batches.add(List.copyOf(events));
                return AuditChainTest.chain(events.size());
            }
        };
        trail.exports = new AuditExports() {
            @Override
            public void export(List<AuditRecord> rows) {
                exported.addAll(rows);
            }
        };
        trail.issuedTokens = new IssuedTokens();
        trail.issuedTokens.settings = settings;
        trail.issuedTokens.clock = Clock.systemUTC();
        trail.issuedTokens.audit = new RecordingAuditLog();
        trail.meters = new Meters() {
            @Override
            public MeterRegistry registry() {
                return registry;
            }
        };
        trail.init();
        return trail;
    }

    static AuditEvent event(int i) {
        return AuditEvent.now(AuditType.LOGIN_SUCCEEDED, "sub-" + i, "sub-" + i, null, null, Map.of());
    }

    double counter(String name) {
        return registry.get(name).functionCounter().count();
    }

    @Test
    void queuedEventsAreWrittenInBatchesAndExported() {
        AuditTrail trail = trail(4, 100);
        for (int i = 0; i < 10; i++) {
            trail.onEvent(event(i));
        }
        assertThat(registry.get("tessera.audit.queue").gauge().value()).isEqualTo(10);

        assertThat(trail.flush()).isEqualTo(10);
        assertThat(batches).extracting(List::size).containsExactly(4, 4, 2);
        assertThat(batches.get(0).get(0).actor()).isEqualTo("sub-0");
        assertThat(exported).hasSize(10);
        assertThat(counter("tessera.audit.events.written")).isEqualTo(10);
        assertThat(trail.failedWrites()).isZero();
        assertThat(trail.flush()).isZero();
    }

    @Test
    void aFailedWriteIsCountedAndNeverThrown() {
        AuditTrail trail = trail(4, 100);
        databaseDown = true;
        for (int i = 0; i < 6; i++) {
            trail.onEvent(event(i));
        }
        assertThat(trail.flush()).isZero();
        assertThat(trail.failedWrites()).isEqualTo(6);
        assertThat(counter("tessera.audit.write.failures")).isEqualTo(6);
        assertThat(exported).isEmpty();

        databaseDown = false;
        trail.onEvent(event(7));
        assertThat(trail.flush()).isEqualTo(1);
        assertThat(trail.failedWrites()).isEqualTo(6);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfWaiting() {
        AuditTrail trail = trail(4, 3);
        for (int i = 0; i < 5; i++) {
            trail.onEvent(event(i));
        }
        assertThat(trail.failedWrites()).isEqualTo(2);
        assertThat(trail.flush()).isEqualTo(3);
    }
}
