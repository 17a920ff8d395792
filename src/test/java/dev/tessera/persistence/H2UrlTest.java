package dev.tessera.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 URLs Tessera ships (Payara Micro's {@code h2.asadmin}, WildFly's {@code setup.sh}) keep a clob of a few KiB in
 * its row. With H2's default (256 bytes) a pending request's JSON or an audit event's detail goes to H2's LOB store:
 * a second write, read and clean-up per value, and once any such row is deleted, the end of every statement tries to
 * start the store's clean-up, refused with a {@code RejectedExecutionException} while it runs (7-9 % of a
 * sign-in's CPU beside the hash; docs/performance.md, "H2's LOB clean-up"). Each URL is opened here on a fresh file
 * database, as the server opens it.
 */
class H2UrlTest {
    private static final Path BASE = Path.of(System.getProperty("project.basedir", "."));
    /** Larger than any pending request or audit detail a sign-in writes. */
    private static final String CLOB = "{\"request\":\"" + "x".repeat(4000) + "\"}";

    @TempDir
    Path dir;

    @Test
    void payaraMicrosH2UrlKeepsClobsInTheirRows() throws Exception {
        String line = line(BASE.resolve("server-config/payara-micro/h2.asadmin"), "create-jdbc-connection-pool");
        Matcher url = Pattern.compile("url=(\\S+)").matcher(line);
        assertThat(url.find()).as(line).isTrue();
        // asadmin escapes ':' and '=' in a property's value.
        String jdbc = url.group(1).replace("\\:", ":").replace("\\=", "=").replace("${tessera.data.dir}", dir.toString());

        assertClobsStayInTheirRows(jdbc, "");
    }

    @Test
    void wildFlysH2UrlKeepsClobsInTheirRows() throws Exception {
        String line = line(BASE.resolve("server-config/wildfly/setup.sh"), "datasource h2 ");
        Matcher url = Pattern.compile("'(jdbc:h2:file:[^']+)'").matcher(line);
        assertThat(url.find()).as(line).isTrue();
        String jdbc = url.group(1).replace("${env.TESSERA_DATA_DIR:${jboss.server.data.dir}/tessera}", dir.toString());

        assertClobsStayInTheirRows(jdbc, "sa");
    }

    private static void assertClobsStayInTheirRows(String jdbc, String user) throws SQLException {
        assertThat(jdbc).doesNotContain("${");
        try (Connection db = DriverManager.getConnection(jdbc, user, ""); Statement sql = db.createStatement()) {
            try (ResultSet setting = sql.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'MAX_LENGTH_INPLACE_LOB'")) {
                assertThat(setting.next()).as("MAX_LENGTH_INPLACE_LOB set by " + jdbc).isTrue();
                assertThat(Integer.parseInt(setting.getString(1))).isGreaterThanOrEqualTo(CLOB.length());
            }
            sql.execute("CREATE TABLE pending(id INT PRIMARY KEY, request CLOB NOT NULL)");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO pending VALUES (1, ?)")) {
                insert.setString(1, CLOB);
                insert.executeUpdate();
            }
            try (ResultSet row = sql.executeQuery("SELECT request FROM pending")) {
                assertThat(row.next()).isTrue();
                // H2 names a clob kept in its LOB store by its table and id ("SPACE(4014 /* table: 5 id: 1 */)"),
                // and shows one kept in its row as the text itself.
                assertThat(row.getClob(1).toString()).doesNotContain("/* table:").contains(CLOB.substring(0, 40));
                assertThat(row.getString(1)).isEqualTo(CLOB);
            }
        }
    }

    private static String line(Path file, String start) throws IOException {
        return Files.readAllLines(file).stream().map(String::trim).filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no line starting with " + start));
    }
}
