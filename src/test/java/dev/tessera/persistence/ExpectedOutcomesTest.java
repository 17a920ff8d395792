package dev.tessera.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.user.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpectedOutcomesTest {
    private static final Logger LOG = Logger.getLogger(ExpectedOutcomes.class.getName());
    private final List<LogRecord> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-06T11:00:00Z"));
    private final ExpectedOutcomes outcomes = new ExpectedOutcomes();

    @BeforeEach
    void listen() {
        outcomes.clock = clock;
        LOG.addHandler(capture);
        LOG.setUseParentHandlers(false);
    }

    @AfterEach
    void stopListening() {
        LOG.removeHandler(capture);
        LOG.setUseParentHandlers(true);
    }

    @Test
    void fiftyReplaysInAMinuteAreOneLineAndTheNextMinuteReportsTheRest() {
        for (int i = 0; i < 50; i++) {
            outcomes.note("replayed client-assertion jti");
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(lines).singleElement().satisfies(r -> {
            assertThat(r.getParameters()).containsExactly(1L, "replayed client-assertion jti");
            assertThat(r.getThrown()).isNull();
        });

        clock.advance(Duration.ofMinutes(1));
        outcomes.note("replayed client-assertion jti");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).getParameters()).containsExactly(50L, "replayed client-assertion jti");
    }

    @Test
    void eachKindHasItsOwnMinute() {
        outcomes.note("replayed client-assertion jti");
        outcomes.note("replayed jwt-bearer jti");
        outcomes.note("replayed jwt-bearer jti");

        assertThat(lines).extracting(r -> r.getParameters()[1]).containsExactly("replayed client-assertion jti", "replayed jwt-bearer jti");
    }

    @Test
    void everyDatabaseGetsAnInsertThatCannotRaiseOnADuplicate() {
        assertThat(FirstInsert.statement("PostgreSQL", "replay_entry", "key_hash"))
                .isEqualTo("INSERT INTO replay_entry (key_hash, expires_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING");
        assertThat(FirstInsert.statement("MariaDB", "revoked_token", "jti"))
                .isEqualTo("INSERT IGNORE INTO revoked_token (jti, expires_at) VALUES (?1, ?2)");
        assertThat(FirstInsert.statement("MySQL", "t", "k")).startsWith("INSERT IGNORE INTO t ");
        assertThat(FirstInsert.statement("H2", "replay_entry", "key_hash")).startsWith("MERGE INTO replay_entry t USING")
                .contains("ON (t.key_hash = s.k) WHEN NOT MATCHED THEN INSERT (key_hash, expires_at) VALUES (s.k, s.e)");
    }
}
