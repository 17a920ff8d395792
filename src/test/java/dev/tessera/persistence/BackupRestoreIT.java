package dev.tessera.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tessera.keys.SigningAlgorithm;
import dev.tessera.keys.SigningKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The backup and restore commands of docs/operations.md#backups, run as written against a migrated Tessera database
 * holding a signing key (long text with non-ASCII characters, epoch-millisecond times): the restored database has
 * every table with the same rows, Liquibase's own record included, so a start on it migrates nothing. Skipped when
 * the database's command-line tools are not installed.
 */
class BackupRestoreIT {
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

    @Test
    void postgresqlDumpRestoresIntoANewDatabase() throws Exception {
        assumeTrue(onPath("pg_dump") && onPath("pg_restore"), "pg_dump/pg_restore not installed");
        String source = name(), restored = name();
        Path dump = Files.createTempFile("tessera", ".dump");
        try {
            execute(PG + "postgres", "postgres", "CREATE DATABASE " + source);
            execute(PG + "postgres", "postgres", "CREATE DATABASE " + restored);
            migrateAndFill("org.postgresql.Driver", PG + source, "postgres");
            run("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-Fc", "-d", source, "-f", dump.toString());
            run("pg_restore", "-h", "127.0.0.1", "-U", "postgres", "-d", restored, dump.toString());
            assertSameContentAndNothingToMigrate(PG + source, PG + restored, "postgres");
        } finally {
            Files.deleteIfExists(dump);
            execute(PG + "postgres", "postgres", "DROP DATABASE IF EXISTS " + source + " WITH (FORCE)");
            execute(PG + "postgres", "postgres", "DROP DATABASE IF EXISTS " + restored + " WITH (FORCE)");
        }
    }

    @Test
    void mariadbDumpRestoresIntoANewDatabase() throws Exception {
        assumeTrue(onPath("mariadb-dump") && onPath("mariadb"), "mariadb-dump/mariadb not installed");
        String source = name(), restored = name();
        Path dump = Files.createTempFile("tessera", ".sql");
        try {
            execute(MARIADB + "test", "root", "CREATE DATABASE " + source + " CHARACTER SET utf8mb4");
            execute(MARIADB + "test", "root", "CREATE DATABASE " + restored + " CHARACTER SET utf8mb4");
            migrateAndFill("org.mariadb.jdbc.Driver", MARIADB + source, "root");
            runTo(dump, "mariadb-dump", "-h", "127.0.0.1", "-u", "root", "--single-transaction", source);
            runFrom(dump, "mariadb", "-h", "127.0.0.1", "-u", "root", restored);
            assertSameContentAndNothingToMigrate(MARIADB + source, MARIADB + restored, "root");
        } finally {
            Files.deleteIfExists(dump);
            execute(MARIADB + "test", "root", "DROP DATABASE IF EXISTS " + source);
            execute(MARIADB + "test", "root", "DROP DATABASE IF EXISTS " + restored);
        }
    }

    private static void migrateAndFill(String driver, String url, String user) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            SchemaMigrations.apply(c);
        }
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("tessera-test", Map.of(
                "eclipselink.persistencexml", SchemaContract.PERSISTENCE_XML, "jakarta.persistence.jdbc.driver", driver,
                "jakarta.persistence.jdbc.url", url, "jakarta.persistence.jdbc.user", user, "jakarta.persistence.jdbc.password", ""));
        try {
            EntityManager em = emf.createEntityManager();
            em.getTransaction().begin();
            Instant created = Instant.parse("2026-12-06T20:00:00.123Z");
            em.persist(new SigningKey("kid-" + UUID.randomUUID(), SigningAlgorithm.ES256,
                    "{\"kty\":\"EC\",\"x-note\":\"Zo\u00eb \u6771\u4eac\"}", "ciphertext:" + "p".repeat(7000), created, created));
            em.getTransaction().commit();
            em.close();
        } finally {
            emf.close();
        }
    }

    private static void assertSameContentAndNothingToMigrate(String source, String restored, String user) throws Exception {
        Map<String, List<String>> before = content(source, user);
        assertThat(before.get("databasechangelog")).as("Liquibase's record").hasSizeGreaterThan(20);
        assertThat(before.get("signing_key")).as("the signing key").singleElement().asString().contains("Zo\u00eb \u6771\u4eac");
        assertThat(content(restored, user)).isEqualTo(before);
        try (Connection c = DriverManager.getConnection(restored, user, "")) {
            SchemaMigrations.apply(c);
        }
        assertThat(content(restored, user)).as("a start on the restored database changes nothing").isEqualTo(before);
    }

    /** Every table of the database (lower-cased name) with its rows, each rendered as text, in a stable order. */
    private static Map<String, List<String>> content(String url, String user) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : names) {
                List<String> rows = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append(meta.getColumnName(i).toLowerCase()).append('=').append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(table.toLowerCase(), rows);
            }
        }
        return tables;
    }

    private static String name() {
        return "tessera_it_bk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static void execute(String url, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static void run(String... command) throws Exception {
        finish(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD), command);
    }

    private static void runTo(Path out, String... command) throws Exception {
        finish(new ProcessBuilder(command).redirectOutput(out.toFile()), command);
    }

    private static void runFrom(Path in, String... command) throws Exception {
        finish(new ProcessBuilder(command).redirectInput(in.toFile()), command);
    }

    private static void finish(ProcessBuilder builder, String... command) throws Exception {
        Process process = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }
}
