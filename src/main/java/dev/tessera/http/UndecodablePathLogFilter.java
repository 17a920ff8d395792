package dev.tessera.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps a request with an undecodable path from writing a stack trace to the server log.
 *
 * <p>Payara 6 decodes the request path before any filter or valve of the application runs. For an escape
 * that is not hexadecimal ({@code /%zz}) Grizzly's decoder throws an {@link IllegalArgumentException} that
 * Payara's {@code CoyoteAdapter} does not expect: it answers an empty 200 and logs the whole stack trace
 * at SEVERE on {@value #CONTAINER_LOGGER}, about 30 lines per request. Anyone could fill the disk with
 * that. This filter drops exactly those records (the cause must come from Grizzly's {@code URLDecoder})
 * and instead says once per interval, on Tessera's own logger, how many there were. Every other record
 * of the container's logger goes to the filter that was there before, or through.
 */
final class UndecodablePathLogFilter implements Filter {
    /** The logger Payara's Catalina core logs request processing failures on. */
    static final String CONTAINER_LOGGER = "jakarta.enterprise.web.core";
    static final String DECODER = "org.glassfish.grizzly.http.util.URLDecoder";

    private static final Logger LOG = Logger.getLogger(UndecodablePathLogFilter.class.getName());

    private final Filter previous;
    private final Clock clock;
    private final Duration interval;
    private final AtomicLong suppressed = new AtomicLong();
    private final AtomicReference<Instant> nextReport = new AtomicReference<>(Instant.MIN);

    UndecodablePathLogFilter(Filter previous, Clock clock, Duration interval) {
        this.previous = previous;
        this.clock = clock;
        this.interval = interval;
    }

    Filter previous() {
        return previous;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (fromUndecodablePath(record.getThrown())) {
            long count = suppressed.incrementAndGet();
            report(count);
            return false;
        }
        return previous == null || previous.isLoggable(record);
    }

    /** The first suppressed record is reported at once; later ones at most once per interval, as a count. */
    private void report(long count) {
        Instant now = clock.instant();
        Instant due = nextReport.get();
        if (now.isBefore(due) || !nextReport.compareAndSet(due, now.plus(interval))) {
            return;
        }
        long reported = suppressed.getAndSet(0);
        LOG.log(Level.WARNING, "{0} request(s) with an undecodable percent-escape in the path were answered by"
                + " Payara itself (an empty 200) before reaching Tessera; their stack traces are not logged",
                reported == 0 ? count : reported);
    }

    static boolean fromUndecodablePath(Throwable thrown) {
        if (!(thrown instanceof IllegalArgumentException)) {
            return false;
        }
        StackTraceElement[] stack = thrown.getStackTrace();
        return stack.length > 0 && DECODER.equals(stack[0].getClassName());
    }
}
