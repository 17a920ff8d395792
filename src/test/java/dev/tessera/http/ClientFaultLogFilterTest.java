package dev.tessera.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.user.MovingClock;
import java.io.IOException;
import java.text.MessageFormat;
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

class ClientFaultLogFilterTest {
    private static final Logger TESSERA = Logger.getLogger(ClientFaultLogFilter.class.getName());

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
        ClientFaultLogFilter filter = new ClientFaultLogFilter(List.of(ClientFaultLogFilter.UNDECODABLE_PATH), null, clock, Duration.ofMinutes(1));

        assertThat(filter.isLoggable(containerFailure(decoderFailure()))).isFalse();
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getParameters()).containsExactly(1L, "an undecodable percent-escape in the path", "an empty 200");
        });

        clock.advance(Duration.ofSeconds(30));
        assertThat(filter.isLoggable(containerFailure(decoderFailure()))).isFalse();
        assertThat(filter.isLoggable(containerFailure(decoderFailure()))).isFalse();
        assertThat(reports).hasSize(1);

        clock.advance(Duration.ofSeconds(31));
        assertThat(filter.isLoggable(containerFailure(decoderFailure()))).isFalse();
        assertThat(reports).hasSize(2);
        assertThat(reports.get(1).getParameters()[0]).isEqualTo(3L);
    }

    @Test
    void oneLoggersFaultsAreCountedAndReportedEachOnItsOwn() {
        ClientFaultLogFilter filter = new ClientFaultLogFilter(
                List.of(ClientFaultLogFilter.UNDECODABLE_PATH, ClientFaultLogFilter.UNNORMALISABLE_PATH), null, clock, Duration.ofMinutes(1));
        ArrayIndexOutOfBoundsException overrun = new ArrayIndexOutOfBoundsException("Index 21 out of bounds for length 21");
        overrun.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.glassfish.grizzly.http.util.HttpRequestURIDecoder", "normalizeBytes", null, 499)});

        assertThat(filter.isLoggable(containerFailure(decoderFailure()))).isFalse();
        assertThat(filter.isLoggable(containerFailure(overrun))).isFalse();
        assertThat(filter.isLoggable(containerFailure(new ArrayIndexOutOfBoundsException("ours")))).isTrue();

        assertThat(reports).extracting(r -> r.getParameters()[1])
                .containsExactly("an undecodable percent-escape in the path", "a dot-dot path Grizzly cannot normalise");
    }

    /**
     * A session cookie the node does not hold, with the data grid off: Payara's HA session store logs a 40-line trace
     * at INFO per request (seen flooding the test servers' logs, 10 MB in seconds, so a failed deployment's log was
     * rotated away). Dropped and counted; the report says what happened, not "answered before reaching Tessera".
     */
    @Test
    void anUnknownSessionWithoutTheDataGridIsCountedNotTraced() throws Exception {
        ClientFaultLogFilter filter = new ClientFaultLogFilter(List.of(ClientFaultLogFilter.UNKNOWN_SESSION_WITHOUT_GRID), null, clock,
                Duration.ofMinutes(1));
        IOException load = new IOException("Error during load: Hazelcast is not enabled, please enable Hazelcast");
        load.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.glassfish.web.ha.session.management.ReplicationStore", "load", "ReplicationStore.java", 401),
            new StackTraceElement("org.apache.catalina.session.PersistentManagerBase", "findSession", null, 780)});
        LogRecord record = new LogRecord(Level.INFO, "Caught exception attempting to load session from store");
        record.setThrown(load);

        assertThat(filter.isLoggable(record)).isFalse();
        assertThat(reports).singleElement().satisfies(r -> {
            String text = MessageFormat.format(r.getMessage(), r.getParameters());
            assertThat(text).isEqualTo("1 request(s) with a session cookie this node does not hold: Payara started a new session,"
                    + " as there is no data grid to ask; Payara's stack traces for them are not logged");
        });
        IOException ours = new IOException("elsewhere");
        assertThat(filter.isLoggable(containerFailure(ours))).isTrue();
    }

    @Test
    void everyOtherRecordPassesOrGoesToThePreviousFilter() {
        ClientFaultLogFilter open = new ClientFaultLogFilter(List.of(ClientFaultLogFilter.UNDECODABLE_PATH), null, clock, Duration.ofMinutes(1));
        IllegalArgumentException elsewhere = new IllegalArgumentException("URLDecoder: Illegal hex characters");
        elsewhere.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.example.Other", "decode", null, 1)});

        assertThat(open.isLoggable(containerFailure(elsewhere))).isTrue();
        assertThat(open.isLoggable(containerFailure(new IllegalStateException("x")))).isTrue();
        assertThat(open.isLoggable(new LogRecord(Level.SEVERE, "no throwable"))).isTrue();
        assertThat(ClientFaultLogFilter.BROKEN_BODY.recognises().test(decoderFailure())).isFalse();

        Filter refuseAll = record -> false;
        ClientFaultLogFilter chained = new ClientFaultLogFilter(List.of(ClientFaultLogFilter.UNDECODABLE_PATH), refuseAll, clock, Duration.ofMinutes(1));
        assertThat(chained.isLoggable(containerFailure(elsewhere))).isFalse();
        assertThat(chained.previous()).isSameAs(refuseAll);
        assertThat(reports).isEmpty();
    }

    @Test
    void theListenerInstallsOneFilterPerContainerLoggerOnceAndPutsThePreviousOnesBack() {
        Filter before = record -> true;
        List<Logger> loggers = ClientFaultLogFilter.FAULTS.stream().map(f -> Logger.getLogger(f.logger())).distinct().toList();
        assertThat(loggers).extracting(Logger::getName)
                .containsExactly("jakarta.enterprise.web.core", "org.glassfish.grizzly.filterchain.DefaultFilterChain");
        loggers.forEach(l -> l.setFilter(before));
        try {
            ContainerLogHygiene hygiene = new ContainerLogHygiene();
            hygiene.contextInitialized(null);
            hygiene.contextInitialized(null);
            assertThat(loggers).allSatisfy(l -> assertThat(l.getFilter()).isInstanceOfSatisfying(ClientFaultLogFilter.class,
                    f -> assertThat(f.previous()).isSameAs(before)));

            hygiene.contextDestroyed(null);
            assertThat(loggers).allSatisfy(l -> assertThat(l.getFilter()).isSameAs(before));
        } finally {
            loggers.forEach(l -> l.setFilter(null));
        }
    }

    /** What Grizzly's decoder throws for {@code /%zz}: its own class on top of the stack. */
    private static IllegalArgumentException decoderFailure() {
        IllegalArgumentException e = new IllegalArgumentException("URLDecoder: Illegal hex characters in escape (%) pattern - %zz");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.glassfish.grizzly.http.util.URLDecoder", "decode", "URLDecoder.java", 199),
            new StackTraceElement("org.apache.catalina.connector.CoyoteAdapter", "postParseRequest", "CoyoteAdapter.java", 426)});
        return e;
    }

    private static LogRecord containerFailure(Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, "AS-WEB-CORE-00037");
        record.setThrown(thrown);
        return record;
    }
}
