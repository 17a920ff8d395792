package dev.tessera.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.spi.event.container.AfterUnDeploy;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Gives every integration test class an empty PostgreSQL database in the suite's PostgreSQL pass (the failsafe
 * execution {@code it-postgresql}, docs/databases.md), as the in-memory H2 of the default pass does: the tests
 * were written for an empty database (the bootstrap client {@code tessera-admin} is only created on one, some
 * tests count what they find).
 *
 * <p>Payara Micro's Arquillian container starts a Payara per deployment, that is per class, and Payara reads
 * the production {@code server-config/payara-micro/postgresql.asadmin}, which connects to the database named by
 * the {@code TESSERA_DB_URL} environment variable it inherits from the test JVM. So before each deployment this
 * drops and creates that database, and after each undeployment (Payara stopped) drops it again. It works through
 * the server's {@code postgres} maintenance database with {@code TESSERA_DB_USER} and {@code TESSERA_DB_PASSWORD},
 * as {@code dropdb} and {@code createdb} do.
 *
 * <p>Registered through META-INF/services for every Arquillian run, it acts only when the system property
 * {@code tessera.it.database} is {@code postgresql}. It refuses database names not starting with
 * {@code tessera_it_}: it drops what it is given.
 */
public final class FreshPostgresqlDatabase implements LoadableExtension {
    static final String SWITCH = "tessera.it.database";
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)(tessera_it_[a-z0-9_]+)([?].*)?");

    @Override
    public void register(ExtensionBuilder builder) {
        if ("postgresql".equals(System.getProperty(SWITCH))) {
            builder.observer(Recreate.class);
        }
    }

    /** The observer; public with a public no-argument constructor, as Arquillian instantiates it. */
    public static final class Recreate {
        public void beforeDeploy(@Observes BeforeDeploy event) throws SQLException {
            Target target = Target.fromEnvironment();
            target.execute("DROP DATABASE IF EXISTS " + target.database + " WITH (FORCE)");
            target.execute("CREATE DATABASE " + target.database);
        }

        public void afterUndeploy(@Observes AfterUnDeploy event) throws SQLException {
            Target target = Target.fromEnvironment();
            target.execute("DROP DATABASE IF EXISTS " + target.database + " WITH (FORCE)");
        }
    }

    /** The database Payara will use, and how to reach its server's maintenance database. */
    record Target(String maintenanceUrl, String database, String user, String password) {
        static Target fromEnvironment() {
            String url = required("TESSERA_DB_URL");
            Matcher m = URL.matcher(url);
            if (!m.matches()) {
                throw new IllegalStateException("TESSERA_DB_URL must name a PostgreSQL database tessera_it_<a-z0-9_>, not " + url);
            }
            return new Target(m.group(1) + "postgres", m.group(2), required("TESSERA_DB_USER"), required("TESSERA_DB_PASSWORD"));
        }

        /** Unset is an error, not an empty string: Payara would send the unresolved "${ENV=...}" text instead. */
        private static String required(String variable) {
            String value = System.getenv(variable);
            if (value == null) {
                throw new IllegalStateException(variable + " is not set (it must be, even if empty): see the failsafe execution it-postgresql in pom.xml");
            }
            return value;
        }

        void execute(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(maintenanceUrl, user, password); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }
}
