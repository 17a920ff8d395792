package dev.tessera.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps malformed requests that Payara refuses before Tessera runs from writing a stack trace each.
 *
 * <p>Payara 6 logs some failures caused by the client's bytes alone with the whole stack trace, 25 to 30
 * lines per request: anyone could fill the disk with them. Each {@link Fault} names the container logger
 * and how to recognise its record by the exception (class and where it was thrown, never the message).
 * One filter per logger, holding that logger's faults, drops exactly those records and instead says once
 * per interval and fault, on Tessera's own logger, how many there were. Every other record goes to the filter that was there
 * before, or through.
 */
final class ClientFaultLogFilter implements Filter {
    private static final Logger LOG = Logger.getLogger(ClientFaultLogFilter.class.getName());
    /** The report of a request Payara answered itself: count, fault, answer. */
    static final String ANSWERED_BY_PAYARA = "{0} request(s) with {1} were answered by Payara itself ({2}) before reaching Tessera;"
            + " their stack traces are not logged";

    /**
     * A path with an escape that is not hexadecimal ({@code /%zz}): Grizzly's decoder throws an
     * {@link IllegalArgumentException} Payara's {@code CoyoteAdapter} does not expect, so it answers an
     * empty 200 and logs the trace at SEVERE.
     */
    static final Fault UNDECODABLE_PATH = new Fault("jakarta.enterprise.web.core",
            "an undecodable percent-escape in the path", "an empty 200", ANSWERED_BY_PAYARA,
            t -> t instanceof IllegalArgumentException && thrownIn(t, "org.glassfish.grizzly.http.util.URLDecoder"));

    /**
     * A path ending in a dot-dot segment that climbs to the root ({@code /a/../..}): Grizzly's normaliser
     * overruns its buffer, so again an empty 200 and the trace at SEVERE.
     */
    static final Fault UNNORMALISABLE_PATH = new Fault("jakarta.enterprise.web.core",
            "a dot-dot path Grizzly cannot normalise", "an empty 200", ANSWERED_BY_PAYARA,
            t -> t instanceof ArrayIndexOutOfBoundsException && thrownIn(t, "org.glassfish.grizzly.http.util.HttpRequestURIDecoder"));

    /** A chunked (or compressed) body that does not parse: a 400, and the trace at WARNING. */
    static final Fault BROKEN_BODY = new Fault("org.glassfish.grizzly.filterchain.DefaultFilterChain",
            "a malformed chunked or compressed body", "400", ANSWERED_BY_PAYARA,
            t -> "org.glassfish.grizzly.http.HttpBrokenContentException".equals(t.getClass().getName()));

    /**
     * A session cookie this node does not hold (a session from before a restart, another node's, or a made-up id)
     * on a Payara Micro started with {@code --nohazelcast} (the integration tests; docs/databases.md's example): the
     * application is distributable, so Payara's session store asks Hazelcast for the session, finds none, and logs the
     * 40-line trace at INFO ("Caught exception attempting to load session from store"). The request goes on with a
     * new session, as it should. The README's {@code --nocluster} runs a data grid of one and shows no such trace.
     */
    static final Fault UNKNOWN_SESSION_WITHOUT_GRID = new Fault("jakarta.enterprise.web.core",
            "a session cookie this node does not hold", "Payara started a new session, as there is no data grid to ask",
            "{0} request(s) with {1}: {2}; Payara''s stack traces for them are not logged",
            t -> t instanceof IOException && thrownIn(t, "org.glassfish.web.ha.session.management.ReplicationStore"));

    static final List<Fault> FAULTS = List.of(UNDECODABLE_PATH, UNNORMALISABLE_PATH, BROKEN_BODY, UNKNOWN_SESSION_WITHOUT_GRID);

    private final List<Counted> faults;
    private final Filter previous;
    private final Clock clock;
    private final Duration interval;

    /** @param faults the faults of one logger */
    ClientFaultLogFilter(List<Fault> faults, Filter previous, Clock clock, Duration interval) {
        this.faults = faults.stream().map(Counted::new).toList();
        this.previous = previous;
        this.clock = clock;
        this.interval = interval;
    }

    Filter previous() {
        return previous;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            for (Counted counted : faults) {
                if (counted.fault.recognises().test(thrown)) {
                    counted.suppressed.incrementAndGet();
                    counted.report(clock.instant(), interval);
                    return false;
                }
            }
        }
        return previous == null || previous.isLoggable(record);
    }

    /** One fault's records dropped since its last report. */
    private static final class Counted {
        final Fault fault;
        final AtomicLong suppressed = new AtomicLong();
        final AtomicReference<Instant> nextReport = new AtomicReference<>(Instant.MIN);

        Counted(Fault fault) {
            this.fault = fault;
        }

        /** The first suppressed record is reported at once; later ones at most once per interval, as a count. */
        void report(Instant now, Duration interval) {
            Instant due = nextReport.get();
            if (now.isBefore(due) || !nextReport.compareAndSet(due, now.plus(interval))) {
                return;
            }
            LOG.log(Level.WARNING, fault.report(), new Object[] {suppressed.getAndSet(0), fault.what(), fault.answer()});
        }
    }

    private static boolean thrownIn(Throwable thrown, String className) {
        StackTraceElement[] stack = thrown.getStackTrace();
        return stack.length > 0 && className.equals(stack[0].getClassName());
    }

    /**
     * @param logger     the container logger the record appears on
     * @param what       the request's fault, for the report
     * @param answer     what the container answered, for the report
     * @param report     the report's text ({@link java.text.MessageFormat}: the count, {@code what}, {@code answer})
     * @param recognises true for the exception of exactly this fault
     */
    record Fault(String logger, String what, String answer, String report, Predicate<Throwable> recognises) {
    }
}
