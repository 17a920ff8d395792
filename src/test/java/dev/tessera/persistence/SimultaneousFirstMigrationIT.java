package dev.tessera.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Two nodes of a new cluster started at the same moment against an empty database both migrate it. Liquibase's
 * lock serialises two updates only once its lock table exists; creating that table (and DATABASECHANGELOG) is
 * itself unguarded, so on an empty PostgreSQL or MariaDB the slower node failed with "already exists" (or two
 * nodes both believed they held Liquibase's lock and ran the same changeSets), and the loser stayed deployed but
 * never ready, until {@link MigrationLock}. Each node runs the server's own migration on its own connection,
 * released together by a barrier.
 */
class SimultaneousFirstMigrationIT {
    private static final int NODES = 3;

    @RepeatedTest(3)
    void onPostgresqlEveryNodeEndsMigrated() throws Exception {
        try (TestDatabase db = TestDatabase.postgresql()) {
            migrateAtOnce(db);
        }
    }

    @RepeatedTest(3)
    void onMariadbEveryNodeEndsMigrated() throws Exception {
        try (TestDatabase db = TestDatabase.mariadb()) {
            migrateAtOnce(db);
        }
    }

    private static void migrateAtOnce(TestDatabase db) throws Exception {
        CyclicBarrier start = new CyclicBarrier(NODES);
        ExecutorService nodes = Executors.newFixedThreadPool(NODES);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                results.add(nodes.submit(() -> {
                    start.await();
                    try (Connection connection = db.connect()) {
                        SchemaMigrations.apply(connection);
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get(3, TimeUnit.MINUTES); // throws the node's failure, if any
            }
        } finally {
            nodes.shutdownNow();
        }
        assertThat(changeSetsRecordedTwice(db)).as("no changeSet ran twice").isZero();
        int recorded = changeSetsRecorded(db);
        try (Connection c = db.connect()) {
            SchemaMigrations.apply(c);
        }
        assertThat(changeSetsRecorded(db)).as("a further start finds nothing left to run").isEqualTo(recorded);
    }

    private static int changeSetsRecordedTwice(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM (SELECT ID, AUTHOR, FILENAME FROM DATABASECHANGELOG"
                     + " GROUP BY ID, AUTHOR, FILENAME HAVING COUNT(*) > 1) twice")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int changeSetsRecorded(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
