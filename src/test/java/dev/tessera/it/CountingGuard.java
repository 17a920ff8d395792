package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

/**
 * Issue 23, point 3: work counted per request instead of time. Reads the two counters the test container exposes at
 * /metrics ({@code tessera.metrics.counting}: SQL statements through EclipseLink's session events, JSON parsers through
 * Tessera's own JSON reading) around batches of one kind of request. Background jobs (reapers, key checks) can add to
 * a batch, never take away, so the fewest per batch is the request's own cost. docs/performance.md, "The counting
 * guard".
 */
final class CountingGuard {
    static final String STATEMENTS = "tessera_diagnostics_db_statements_total";
    static final String PARSERS = "tessera_diagnostics_json_parsers_total";

    /** What one request of a kind cost: SQL statements and JSON parsers created. */
    record Cost(double statements, double parsers) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f statements, %.2f JSON parsers", statements, parsers);
        }
    }

    /** A request that must succeed; called repeatedly. */
    interface Request {
        void send() throws Exception;
    }

    private CountingGuard() {
    }

    /** Runs {@code warmup} unmeasured requests (caches fill), then {@code batches} batches of {@code size}; the fewest per request. */
    static Cost measure(Request request, int warmup, int batches, int size) throws Exception {
        for (int i = 0; i < warmup; i++) {
            request.send();
        }
        double statements = Double.MAX_VALUE;
        double parsers = Double.MAX_VALUE;
        for (int b = 0; b < batches; b++) {
            long[] before = counts();
            for (int i = 0; i < size; i++) {
                request.send();
            }
            long[] after = counts();
            statements = Math.min(statements, (after[0] - before[0]) / (double) size);
            parsers = Math.min(parsers, (after[1] - before[1]) / (double) size);
        }
        return new Cost(statements, parsers);
    }

    /** The two counters now; fails when the server does not count (the container's system properties are missing). */
    static long[] counts() {
        Scrape scrape = Scrape.now();
        assertThat(scrape.series()).as("the test container must run with -Dtessera.metrics.counting=true "
                + "(src/test/resources/arquillian.xml)").containsKeys(STATEMENTS, PARSERS);
        return new long[] {(long) scrape.sum(STATEMENTS), (long) scrape.sum(PARSERS)};
    }
}
