package dev.tessera.persistence;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the schema up to date when the application starts, then announces {@link SchemaMigrated}.
 *
 * <p>A failure here (a broken changeSet, the database refusing the migration) does not stop the
 * deployment: the server stays up so that {@code /health/ready} can report the reason, which the log
 * also states. Nothing that needs the schema runs in that case.
 *
 * <p>A database that cannot be reached at all while the WAR deploys never gets this far: the JPA
 * provider connects during the deployment (EclipseLink, to detect the database platform), so the
 * deployment fails. Payara Micro then keeps running, answers 503 "No Application deployed" on
 * {@code /health/ready} and {@code /health/live}, and logs the cause (docs/databases.md,
 * UnreadyDatabaseIT).
 */
@ApplicationScoped
public class SchemaMigrator {
    /**
     * The data source, looked up through the application's own namespace: web.xml's {@code resource-ref}
     * {@code jdbc/tessera}, which glassfish-web.xml (Payara) and jboss-web.xml (WildFly) map to the data source the
     * server-config/ scripts create for each database. A relative {@code lookup} ("jdbc/tessera") is resolved
     * differently by each server (Payara globally, WildFly in the component namespace), and a {@code name} without a
     * lookup lets WildFly inject its default data source instead of the mapped one.
     */
    public static final String DATA_SOURCE = "java:comp/env/jdbc/tessera";

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Inject
    SchemaStatus status;

    @Inject
    Event<SchemaMigrated> migrated;

    void onStart(@Observes @Priority(1) @Initialized(ApplicationScoped.class) Object ignored) {
        boolean ran;
        try (Connection connection = dataSource.getConnection()) {
            ran = SchemaMigrations.apply(connection);
        } catch (Exception e) {
            String reason = rootMessage(e);
            status.failed(reason);
            LOG.log(Level.SEVERE, "Database schema migration failed; Tessera is NOT ready: " + reason, e);
            return;
        }
        LOG.info(ran ? "Database schema is up to date" : "Database schema is up to date (every changeset already applied; Liquibase not run)");
        try {
            migrated.fire(new SchemaMigrated());
            status.succeeded();
        } catch (RuntimeException e) {
            // A start-up task (keys, bootstrap client) failed: stay deployed but not ready, and say why.
            status.failed("start-up task failed: " + rootMessage(e));
            LOG.log(Level.SEVERE, "A start-up task failed after migration; Tessera is NOT ready: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
