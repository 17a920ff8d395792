package dev.tessera.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server of docs/databases.md as tests reach it: the administrative database (default
 * jdbc:postgresql://127.0.0.1:5432/test, user postgres, no password; override with
 * -Dtessera.it.postgresql.url, .user, .password), in which tests create and drop databases of their own.
 */
final class LocalPostgres {
    private LocalPostgres() {
    }

    static String adminUrl() {
        return System.getProperty("tessera.it.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    /** The JDBC URL of {@code database} on the same server. */
    static String urlOf(String database) {
        String admin = adminUrl();
        return admin.substring(0, admin.lastIndexOf('/') + 1) + database;
    }

    static String user() {
        return System.getProperty("tessera.it.postgresql.user", "postgres");
    }

    static String password() {
        return System.getProperty("tessera.it.postgresql.password", "");
    }

    /** Runs one statement in the administrative database (CREATE DATABASE, DROP DATABASE, ...). */
    static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl(), user(), password()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Whether the server answers within a few seconds. */
    static boolean answers() {
        DriverManager.setLoginTimeout(5);
        try (Connection c = DriverManager.getConnection(adminUrl(), user(), password())) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }
}
