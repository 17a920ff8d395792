package dev.tessera.persistence;

import java.sql.Connection;
import java.util.List;

/**
 * Applies Tessera's Liquibase changelog to a connection. The same code runs at start-up in the server
 * and in the tests that prove the changelog on H2, PostgreSQL and MariaDB, so what is tested is what
 * ships. Liquibase itself ({@link LiquibaseUpdate}) is loaded and run only when the history table lacks a
 * changeset ({@link AppliedChangelog}).
 */
public final class SchemaMigrations {
    /** The master changelog, copied from the top-level liquibase/ folder into the WAR's classes. */
    public static final String CHANGELOG = "liquibase/db.changelog-master.xml";

    private static volatile List<AppliedChangelog.Entry> changelog;

    private SchemaMigrations() {
    }

    /**
     * Migrates the schema through this connection, holding the {@link MigrationLock} so that nodes started
     * together against one database migrate in turn; with nothing to migrate, neither the lock nor Liquibase.
     *
     * @return whether Liquibase ran (false: every changeset was already applied)
     */
    public static boolean apply(Connection connection) throws Exception {
        if (AppliedChangelog.current(connection, changelog())) {
            return false;
        }
        try (MigrationLock lock = MigrationLock.take(connection)) {
            LiquibaseUpdate.run(connection, CHANGELOG);
        }
        return true;
    }

    /** The changelog's changesets, read once from the classes. */
    static List<AppliedChangelog.Entry> changelog() throws Exception {
        List<AppliedChangelog.Entry> entries = changelog;
        if (entries == null) {
            entries = AppliedChangelog.read(SchemaMigrations.class.getClassLoader(), CHANGELOG);
            changelog = entries;
        }
        return entries;
    }
}
