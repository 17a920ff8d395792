package dev.tessera.persistence;

import java.sql.Connection;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies Tessera's Liquibase changelog to a connection. The same code runs at start-up in the server
 * and in the tests that prove the changelog on H2, PostgreSQL and MariaDB, so what is tested is what
 * ships.
 */
public final class SchemaMigrations {
    /**
     * Liquibase reports every changeset it runs or skips at INFO: about a hundred lines on a first start that
     * bury what the operator must read. Quiet by default (warnings and errors still show); an operator who sets
     * the {@code liquibase} logger's level in the server's logging configuration keeps that level. Held in a
     * field so the configured logger is not collected and recreated without its level.
     */
    private static final Logger LIQUIBASE = quiet(Logger.getLogger("liquibase"));

    /** The master changelog, copied from the top-level liquibase/ folder into the WAR's classes. */
    public static final String CHANGELOG = "liquibase/db.changelog-master.xml";

    private SchemaMigrations() {
    }

    private static Logger quiet(Logger logger) {
        if (logger.getLevel() == null) {
            logger.setLevel(Level.WARNING);
        }
        return logger;
    }

    /**
     * Migrates the schema through this connection, holding the {@link MigrationLock} so that nodes started
     * together against one database migrate in turn.
     */
    public static void apply(Connection connection) throws Exception {
        try (MigrationLock lock = MigrationLock.take(connection)) {
            update(connection);
        }
    }

    private static void update(Connection connection) throws Exception {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SchemaMigrations.class.getClassLoader()),
                // Liquibase would otherwise try to send usage analytics over the network.
                "liquibase.analytics.enabled", Boolean.FALSE,
                // Messages for a console user go to the (quiet) logger instead of straight to standard output.
                Scope.Attr.ui.name(), new LoggerUIService());
        Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                .execute());
    }
}
