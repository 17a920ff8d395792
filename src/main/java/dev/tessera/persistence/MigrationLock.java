package dev.tessera.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A database-wide lock held by the connection that migrates the schema, so that the nodes of a new cluster
 * started at the same moment migrate one after the other.
 *
 * <p>Liquibase's own lock is not enough on an empty database: it guards an update only once its lock table
 * exists, and creating that table, DATABASECHANGELOG and the lock row is unguarded. Two nodes racing there fail
 * with "already exists", or both believe they hold the lock and run the same changeSets at once
 * (SimultaneousFirstMigrationIT saw both on PostgreSQL and MariaDB). A session-level advisory lock does not depend
 * on any table: PostgreSQL's {@code pg_advisory_lock}, MariaDB's and MySQL's {@code GET_LOCK}. The node that waits
 * then finds every changeSet applied and does nothing. H2 runs embedded in one server, so there is nothing to
 * race with and no lock is taken.
 */
final class MigrationLock implements AutoCloseable {
    /** An arbitrary constant naming Tessera's migration among the advisory locks of a shared PostgreSQL server. */
    static final long POSTGRESQL_KEY = 0x7465737365726131L;
    static final String MARIADB_NAME = "tessera.schema-migration";
    /** Longer than any migration Tessera ships takes; a node still waiting after that fails and is not ready. */
    static final int WAIT_SECONDS = 600;

    private final Connection connection;
    private final String release;

    private MigrationLock(Connection connection, String release) {
        this.connection = connection;
        this.release = release;
    }

    /** Waits for and takes the lock on this connection's session (released by {@link #close()}). */
    static MigrationLock take(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgresql")) {
            run(connection, "SELECT pg_advisory_lock(" + POSTGRESQL_KEY + ")");
            return new MigrationLock(connection, "SELECT pg_advisory_unlock(" + POSTGRESQL_KEY + ")");
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            if (!run(connection, "SELECT GET_LOCK('" + MARIADB_NAME + "', " + WAIT_SECONDS + ")")) {
                throw new SQLException("Another node held the schema migration lock for more than " + WAIT_SECONDS + " s");
            }
            return new MigrationLock(connection, "SELECT RELEASE_LOCK('" + MARIADB_NAME + "')");
        }
        return new MigrationLock(connection, null);
    }

    /** Runs a one-value query; true when it answered 1 (GET_LOCK's success; pg_advisory_lock answers no value). */
    private static boolean run(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            return rs.next() && "1".equals(rs.getString(1));
        }
    }

    @Override
    public void close() throws SQLException {
        if (release != null && !connection.isClosed()) {
            run(connection, release);
        }
    }
}
