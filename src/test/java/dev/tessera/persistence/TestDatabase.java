package dev.tessera.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** A fresh, uniquely named database (or schema) that {@link #close()} drops. */
final class TestDatabase implements AutoCloseable {
    final String driver;
    final String url;
    final String user;
    final String password;
    /** Makes a second connection give up quickly on a row lock instead of waiting. */
    final String lockTimeoutStatement;
    private final Cleanup cleanup;

    private TestDatabase(String driver, String url, String user, String password, String lockTimeoutStatement, Cleanup cleanup) {
        this.driver = driver;
        this.url = url;
        this.user = user;
        this.password = password;
        this.lockTimeoutStatement = lockTimeoutStatement;
        this.cleanup = cleanup;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() throws Exception {
        cleanup.run();
    }

    /** An H2 file database in its own directory under target/, as the server uses (h2.asadmin). */
    static TestDatabase h2() {
        Path dir = Path.of(System.getProperty("project.build.directory", "target"), "liquibase-it", uniqueName()).toAbsolutePath();
        String url = "jdbc:h2:file:" + dir.resolve("tessera") + ";DB_CLOSE_ON_EXIT=FALSE";
        return new TestDatabase("org.h2.Driver", url, "sa", "", "SET LOCK_TIMEOUT 1000", () -> deleteTree(dir));
    }

    /** A new schema in the configured PostgreSQL database, made current with the currentSchema parameter. */
    static TestDatabase postgresql() throws SQLException {
        String admin = setting("postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = setting("postgresql.user", "postgres");
        String password = setting("postgresql.password", "");
        String schema = uniqueName();
        execute(admin, user, password, "CREATE SCHEMA " + schema);
        String url = admin + (admin.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase("org.postgresql.Driver", url, user, password, "SET lock_timeout = '1s'",
                () -> execute(admin, user, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }

    /** A new utf8mb4 database on the configured MariaDB server. */
    static TestDatabase mariadb() throws SQLException {
        String admin = setting("mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test");
        String user = setting("mariadb.user", "root");
        String password = setting("mariadb.password", "");
        String database = uniqueName();
        execute(admin, user, password, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        return new TestDatabase("org.mariadb.jdbc.Driver", withDatabase(admin, database), user, password,
                "SET SESSION innodb_lock_wait_timeout = 1",
                () -> execute(admin, user, password, "DROP DATABASE IF EXISTS " + database));
    }

    /** jdbc:mariadb://host:port/db?params with db replaced. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//") + 2;
        int pathStart = url.indexOf('/', hostStart);
        int query = url.indexOf('?', hostStart);
        String hosts = url.substring(0, pathStart >= 0 && (query < 0 || pathStart < query) ? pathStart : (query < 0 ? url.length() : query));
        return hosts + "/" + database + (query < 0 ? "" : url.substring(query));
    }

    private static String uniqueName() {
        return "tessera_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String setting(String name, String fallback) {
        return System.getProperty("tessera.it." + name, fallback);
    }

    private static void execute(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @FunctionalInterface
    interface Cleanup {
        void run() throws Exception;
    }
}
