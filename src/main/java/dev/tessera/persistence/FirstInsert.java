package dev.tessera.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * "Only the first one counts", across every node: a row keyed by a one-time value is inserted if absent, and
 * the row count says whether this call inserted it. A replay, a lost race or a duplicate is an answer, not an
 * exception: no failed statement, no rolled-back transaction, nothing for the persistence provider or the
 * container to log (a unique-key violation used to write about 170 lines of stack trace per replay).
 *
 * <p>Each database has its own statement that never raises on a duplicate key, even when two nodes insert the
 * same key at the same instant: PostgreSQL's {@code ON CONFLICT DO NOTHING}, MariaDB's {@code INSERT IGNORE},
 * and the SQL standard's {@code MERGE ... WHEN NOT MATCHED} elsewhere (H2). The tables it serves have the
 * shape (key, {@code expires_at} as epoch milliseconds).
 */
@ApplicationScoped
public class FirstInsert {

    @Inject
    Writer writer;

    /**
     * @return true if the row ({@code keyColumn} = {@code key}, expires_at) was inserted now, false if it was there
     */
    public boolean insert(String table, String keyColumn, String key, Instant expiresAt) {
        return writer.insertIfAbsent(table, keyColumn, key, expiresAt.toEpochMilli()) == 1;
    }

    /** The statement, in a transaction of its own, so a caller's later rollback keeps what was recorded. */
    @ApplicationScoped
    public static class Writer {
        @PersistenceContext(unitName = "tessera")
        EntityManager em;

        @Resource(lookup = SchemaMigrator.DATA_SOURCE)
        DataSource dataSource;

        /** The database product, read once from the data source's metadata. */
        private volatile String product;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public int insertIfAbsent(String table, String keyColumn, String key, long expiresAt) {
            return em.createNativeQuery(statement(product(), table, keyColumn))
                    .setParameter(1, key).setParameter(2, expiresAt).executeUpdate();
        }

        void product(String name) {
            product = name;
        }

        private String product() {
            String known = product;
            if (known == null) {
                try (Connection connection = dataSource.getConnection()) {
                    known = connection.getMetaData().getDatabaseProductName();
                } catch (SQLException e) {
                    throw new IllegalStateException("The database's product name could not be read", e);
                }
                product = known;
            }
            return known;
        }
    }

    /** The insert-if-absent statement for {@code product} (JDBC's database product name), parameters key then expiry. */
    static String statement(String product, String table, String keyColumn) {
        String name = product.toLowerCase(Locale.ROOT);
        String columns = " (" + keyColumn + ", expires_at)";
        if (name.contains("postgresql")) {
            return "INSERT INTO " + table + columns + " VALUES (?1, ?2) ON CONFLICT DO NOTHING";
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return "INSERT IGNORE INTO " + table + columns + " VALUES (?1, ?2)";
        }
        return "MERGE INTO " + table + " t USING (SELECT CAST(?1 AS VARCHAR(64)) AS k, CAST(?2 AS BIGINT) AS e) s ON (t."
                + keyColumn + " = s.k) WHEN NOT MATCHED THEN INSERT" + columns + " VALUES (s.k, s.e)";
    }
}
