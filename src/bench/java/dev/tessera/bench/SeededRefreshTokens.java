package dev.tessera.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A million refresh tokens put into, and taken out of, the PostgreSQL database of a running node,
 * straight through JDBC: 250,000 families of four, three of each rotated, all unexpired, owned by a
 * client that does not exist so no request of the benchmark ever finds them by anything but the table's
 * size. Each change ends with VACUUM ANALYZE and a CHECKPOINT (a deletion with VACUUM FULL first), so neither the planner's statistics nor
 * a checkpoint's writes fall into the next measured window.
 */
final class SeededRefreshTokens implements AutoCloseable {
    static final String SEED_CLIENT = "seed-client";

    private final Connection db;

    SeededRefreshTokens(String jdbcUrl) throws SQLException {
        URI parsed = URI.create(jdbcUrl.substring("jdbc:".length()));
        if (!"postgresql".equals(parsed.getScheme())) {
            throw new IllegalArgumentException("volume.jdbcUrl: a jdbc:postgresql:// URL, not " + jdbcUrl);
        }
        BenchConfig.loopbackOnly(parsed.getHost());
        this.db = DriverManager.getConnection(jdbcUrl, System.getProperty("volume.dbUser", "postgres"),
                System.getProperty("volume.dbPassword", ""));
        db.setAutoCommit(true);
    }

    /** Inserts {@code rows} seed tokens (in one statement, as an operator's bulk load would). */
    void insert(long rows) throws SQLException {
        long now = System.currentTimeMillis();
        try (Statement s = db.createStatement()) {
            s.executeUpdate("INSERT INTO refresh_token (token_hash, family_id, client_id, subject, scope, auth_time, offline,"
                    + " access_jti, access_expires_at, issued_at, idle_expires_at, expires_at, consumed_at)"
                    + " SELECT encode(sha256(('seed-' || i)::bytea), 'hex'), 'seed-family-' || (i / 4), '" + SEED_CLIENT + "',"
                    + " 'seed-subject-' || (i / 40), 'openid', " + now + ", false, md5(i::text), " + (now + 300_000L) + ", " + now
                    + ", " + (now + 2_592_000_000L) + ", " + (now + 7_776_000_000L) + ", CASE WHEN i % 4 < 3 THEN " + now + " END"
                    + " FROM generate_series(0, " + (rows - 1) + ") AS i");
        }
        settle();
    }

    /** Deletes every seed token. */
    void delete() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("DELETE FROM refresh_token WHERE client_id = '" + SEED_CLIENT + "'");
            // Gives the space back, so "empty" is a compact table, not a million dead rows' worth of pages.
            s.execute("VACUUM FULL refresh_token");
        }
        settle();
    }

    /** The table as it is now, e.g. "1,012,345 rows (1,000,000 seeded), 412 MiB with indexes". */
    String describe() throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE client_id = '" + SEED_CLIENT + "'),"
                        + " pg_total_relation_size('refresh_token') FROM refresh_token")) {
            r.next();
            return String.format(java.util.Locale.ROOT, "%,d rows (%,d seeded), %,d MiB with indexes", r.getLong(1), r.getLong(2),
                    r.getLong(3) >> 20);
        }
    }

    long seeded() throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM refresh_token WHERE client_id = '" + SEED_CLIENT + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * VACUUM ANALYZE and CHECKPOINT: the previous window's dead row versions and WAL are dealt with
     * now, not by autovacuum or a checkpoint in the middle of the next window.
     */
    void settle() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("VACUUM ANALYZE refresh_token");
            s.execute("CHECKPOINT");
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
