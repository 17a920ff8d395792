package dev.tessera.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.user.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UndecodablePathLogFilterTest {
    private static final Logger TESSERA = Logger.getLogger(UndecodablePathLogFilter.class.getName());

    private final List<LogRecord> reports = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            reports.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-25T03:00:00Z"));

    @BeforeEach
    void listen() {
        TESSERA.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        TESSERA.removeHandler(capture);
    }

    @Test
    void theDecodersFailureIsDroppedAndCountedOncePerInterval() {
        UndecodablePathLogFilter filter = new UndecodablePathLogFilter(null, clock, Duration.ofMinutes(1));

        assertThat(filter.isLoggable(containerFailure(decoderFailure()))).isFalse();
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getParameters()).containsExactly(1L);
        });

        clock.advance(Duration.ofSeconds(30));
        assertThat(filter.isLoggable(containerFailure(decoderFailure()))).isFalse();
        assertThat(filter.isLoggable(containerFailure(decoderFailure()))).isFalse();
        assertThat(reports).hasSize(1);

        clock.advance(Duration.ofSeconds(31));
        assertThat(filter.isLoggable(containerFailure(decoderFailure()))).isFalse();
        assertThat(reports).hasSize(2);
        assertThat(reports.get(1).getParameters()).containsExactly(3L);
    }

    @Test
    void everyOtherRecordPassesOrGoesToThePreviousFilter() {
        UndecodablePathLogFilter open = new UndecodablePathLogFilter(null, clock, Duration.ofMinutes(1));
        IllegalArgumentException elsewhere = new IllegalArgumentException("URLDecoder: Illegal hex characters");
        elsewhere.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.example.Other", "decode", null, 1)});

        assertThat(open.isLoggable(containerFailure(elsewhere))).isTrue();
        assertThat(open.isLoggable(containerFailure(new IllegalStateException("x")))).isTrue();
        assertThat(open.isLoggable(new LogRecord(Level.SEVERE, "no throwable"))).isTrue();

        Filter refuseAll = record -> false;
        UndecodablePathLogFilter chained = new UndecodablePathLogFilter(refuseAll, clock, Duration.ofMinutes(1));
        assertThat(chained.isLoggable(containerFailure(elsewhere))).isFalse();
        assertThat(chained.previous()).isSameAs(refuseAll);
        assertThat(reports).isEmpty();
    }

    @Test
    void theListenerInstallsTheFilterOnceAndPutsThePreviousOneBack() {
        Logger container = Logger.getLogger(UndecodablePathLogFilter.CONTAINER_LOGGER);
        Filter before = record -> true;
        container.setFilter(before);
        try {
            ContainerLogHygiene hygiene = new ContainerLogHygiene();
            hygiene.contextInitialized(null);
            hygiene.contextInitialized(null);
            assertThat(container.getFilter()).isInstanceOfSatisfying(UndecodablePathLogFilter.class,
                    f -> assertThat(f.previous()).isSameAs(before));

            hygiene.contextDestroyed(null);
            assertThat(container.getFilter()).isSameAs(before);
        } finally {
            container.setFilter(null);
        }
    }

    /** What Grizzly's decoder throws for {@code /%zz}: its own class on top of the stack. */
    private static IllegalArgumentException decoderFailure() {
        IllegalArgumentException e = new IllegalArgumentException("URLDecoder: Illegal hex characters in escape (%) pattern - %zz");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement(UndecodablePathLogFilter.DECODER, "decode", "URLDecoder.java", 199),
            new StackTraceElement("org.apache.catalina.connector.CoyoteAdapter", "postParseRequest", "CoyoteAdapter.java", 426)});
        return e;
    }

    private static LogRecord containerFailure(Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, "AS-WEB-CORE-00037");
        record.setThrown(thrown);
        return record;
    }
}
