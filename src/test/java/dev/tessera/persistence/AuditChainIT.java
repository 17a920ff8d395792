package dev.tessera.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditFilter;
import dev.tessera.audit.AuditRecord;
import dev.tessera.audit.AuditSearch;
import dev.tessera.audit.AuditType;
import dev.tessera.audit.ChainAppender;
import dev.tessera.audit.ChainStore;
import dev.tessera.audit.ChainVerification;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The audit chain on every database Tessera supports, through EclipseLink as in the server: two writers
 * appending at once (each its own connection and transactions, as two nodes do) never fork the chain; an edited
 * or deleted row is named by verification; retention keeps the rest verifiable and refuses to erase a break.
 */
class AuditChainIT {
    static final int WRITERS = 2;
    static final int BATCHES = 25;
    static final int PER_BATCH = 4;
    static final Instant OLD = Instant.parse("2020-01-01T00:00:00Z");

    @Nested
    class OnH2 extends ChainContract {
        @Override
        TestDatabase createDatabase() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgreSQL extends ChainContract {
        @Override
        TestDatabase createDatabase() throws SQLException {
            return TestDatabase.postgresql();
        }
    }

    @Nested
    class OnMariaDB extends ChainContract {
        @Override
        TestDatabase createDatabase() throws SQLException {
            return TestDatabase.mariadb();
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class ChainContract extends SchemaContract {

        ChainVerification verify() {
            return read(em -> ChainStore.verify(em, 7));
        }

        void sql(String statement) throws SQLException {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.executeUpdate(statement);
            }
        }

        @Test
        @Order(1)
        void twoWritersAtOnceNeverForkTheChain() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String writer = "node" + w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int b = 0; b < BATCHES; b++) {
                        List<AuditEvent> batch = new ArrayList<>();
                        for (int i = 0; i < PER_BATCH; i++) {
                            batch.add(new AuditEvent(OLD.plusSeconds(b), AuditType.LOGIN_SUCCEEDED, writer, "sub-" + b, "app",
                                    "192.0.2." + i, Map.of("batch", Integer.toString(b))));
                        }
                        inTransaction(em -> ChainAppender.append(em, batch));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();

            int total = WRITERS * BATCHES * PER_BATCH;
            ChainVerification v = verify();
            assertThat(v.intact()).as(String.valueOf(v.broken())).isTrue();
            assertThat(v.checked()).isEqualTo(total);
            assertThat(v.headSeq()).isEqualTo(total);
            // One chain: every number once, each row linked to the one before it, both writers interleaved.
            try (Connection c = db.connect()) {
                assertThat(strings(c, "SELECT COUNT(DISTINCT prev_hash) FROM audit_event")).containsExactly(String.valueOf(total));
                assertThat(strings(c, "SELECT COUNT(*) FROM audit_event e JOIN audit_event p ON p.seq = e.seq - 1 AND p.hash = e.prev_hash"))
                        .containsExactly(String.valueOf(total - 1));
                assertThat(strings(c, "SELECT DISTINCT actor FROM audit_event ORDER BY actor")).containsExactly("node0", "node1");
            }
        }

        @Test
        @Order(2)
        void theQueryFiltersAndPagesNewestFirst() {
            List<AuditRecord> page = read(em -> AuditSearch.find(em, new AuditFilter(null, null, "node1", null, "app",
                    Set.of("login.succeeded"), null, 10)));
            assertThat(page).hasSize(10).allSatisfy(r -> assertThat(r.actor()).isEqualTo("node1"));
            assertThat(page).extracting(AuditRecord::seq).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            List<AuditRecord> next = read(em -> AuditSearch.find(em, new AuditFilter(OLD, OLD.plusSeconds(3), null, null, null, null,
                    page.get(9).seq(), 500)));
            assertThat(next).isNotEmpty().allSatisfy(r -> {
                assertThat(r.seq()).isLessThan(page.get(9).seq());
                assertThat(r.occurredAt()).isBefore(OLD.plusSeconds(3));
            });
            List<AuditRecord> none = read(em -> AuditSearch.find(em, new AuditFilter(null, null, null, null, null, Set.of("key.rotated"), null, 5)));
            assertThat(none).isEmpty();
        }

        @Test
        @Order(3)
        void anEditedRowAndADeletedRowAreNamed() throws SQLException {
            String actor;
            try (Connection c = db.connect()) {
                actor = strings(c, "SELECT actor FROM audit_event WHERE seq = 42").get(0);
            }
            sql("UPDATE audit_event SET actor = 'mallory' WHERE seq = 42");
            ChainVerification edited = verify();
            assertThat(edited.intact()).isFalse();
            assertThat(edited.broken().seq()).isEqualTo(42);
            assertThat(edited.checked()).isEqualTo(41);
            sql("UPDATE audit_event SET actor = '" + actor + "' WHERE seq = 42");
            assertThat(verify().intact()).isTrue();

            sql("DELETE FROM audit_event WHERE seq = 77");
            ChainVerification deleted = verify();
            assertThat(deleted.broken().seq()).isEqualTo(77);
            assertThat(deleted.broken().reason()).contains("missing");
        }

        @Test
        @Order(4)
        void retentionRefusesToEraseABreakAndKeepsTheRestVerifiable() {
            // Row 77 is gone (above): trimming past it would erase the evidence, so nothing is deleted.
            assertThatThrownBy(() -> inTransaction(em -> ChainStore.trim(em, Instant.now(), 100)))
                    .hasMessageContaining("broken at row 77");
            assertThat(verify().broken().seq()).isEqualTo(77);

            // Up to the break is still trimmed by a smaller batch, and the anchor keeps what remains verifiable.
            int[] deleted = new int[1];
            inTransaction(em -> deleted[0] = ChainStore.trim(em, Instant.now(), 50));
            assertThat(deleted[0]).isEqualTo(50);
            ChainVerification v = verify();
            assertThat(v.anchorSeq()).isEqualTo(50);
            assertThat(v.broken().seq()).isEqualTo(77);
            assertThat(v.checked()).isEqualTo(26);
        }
    }
}
