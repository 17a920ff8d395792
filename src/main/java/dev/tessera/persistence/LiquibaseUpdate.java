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
 * Liquibase's update command on one connection. A class of its own so that no Liquibase class is loaded on a start
 * that finds the schema current ({@link SchemaMigrations}).
 */
final class LiquibaseUpdate {
    /**
     * Liquibase reports every changeset it runs or skips at INFO: about a hundred lines on a first start that
     * bury what the operator must read. Quiet by default (warnings and errors still show); an operator who sets
     * the {@code liquibase} logger's level in the server's logging configuration keeps that level. Held in a
     * field so the configured logger is not collected and recreated without its level.
     */
    private static final Logger LIQUIBASE = quiet(Logger.getLogger("liquibase"));

    private LiquibaseUpdate() {
    }

    private static Logger quiet(Logger logger) {
        if (logger.getLevel() == null) {
            logger.setLevel(Level.WARNING);
        }
        return logger;
    }

    static void run(Connection connection, String changelog) throws Exception {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(LiquibaseUpdate.class.getClassLoader()),
                // Liquibase would otherwise try to send usage analytics over the network.
                "liquibase.analytics.enabled", Boolean.FALSE,
                // Messages for a console user go to the (quiet) logger instead of straight to standard output.
                Scope.Attr.ui.name(), new LoggerUIService());
        Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                .execute());
    }
}
