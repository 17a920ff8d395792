package dev.tessera.persistence;

import java.util.concurrent.atomic.LongAdder;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Counts the SQL statements the persistence unit executes (EclipseLink raises {@code preExecuteCall} once per
 * statement sent to the database: queries, inserts, updates, deletes, sequence reads), for the counting guard of
 * issue 23 (docs/performance.md, "The counting guard"). Off unless the server is started with
 * {@code -Declipselink.session-event-listener=dev.tessera.persistence.StatementCounter} (EclipseLink reads that
 * persistence unit property from the system properties too), as the integration tests' container is; then
 * {@code tessera.diagnostics.counting=true} shows the count at {@code /metrics}. EclipseLink-only by nature: on
 * Hibernate nothing loads this class. Statements Tessera runs on the data source directly (the schema migration,
 * the readiness check) are not counted.
 */
public class StatementCounter extends SessionEventAdapter {
    private static final LongAdder STATEMENTS = new LongAdder();

    @Override
    public void preExecuteCall(SessionEvent event) {
        STATEMENTS.increment();
    }

    /** Statements executed since start-up (0 when the listener is not installed). */
    public static long statements() {
        return STATEMENTS.sum();
    }
}
