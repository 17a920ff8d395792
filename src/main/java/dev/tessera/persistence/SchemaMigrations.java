package dev.tessera.persistence;

import java.sql.Connection;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies Tessera's Liquibase changelog to a connection. The same code runs at start-up in the server
 * and in the tests that prove the changelog on H2, PostgreSQL and MariaDB, so what is tested is what
 * ships.
 */
public final class SchemaMigrations {
    /** The master changelog, copied from the top-level liquibase/ folder into the WAR's classes. */
    public static final String CHANGELOG = "liquibase/db.changelog-master.xml";

    private SchemaMigrations() {
    }

    public static void apply(Connection connection) throws Exception {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SchemaMigrations.class.getClassLoader()),
                // Liquibase would otherwise try to send usage analytics over the network.
                "liquibase.analytics.enabled", Boolean.FALSE);
        Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .execute());
    }
}
