package dev.tessera.it;

import static dev.tessera.it.LocalPostgres.admin;
import static dev.tessera.it.LocalPostgres.password;
import static dev.tessera.it.LocalPostgres.user;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A failed migration or an unreachable database makes {@code /health/ready} fail, and the log says why.
 * Each case boots its own Payara Micro (see {@link PayaraMicroProcess}) with the production
 * server-config/payara-micro/postgresql.asadmin, the connection given through the TESSERA_DB_*
 * environment variables.
 *
 * <p>Needs the local PostgreSQL of docs/databases.md (override with {@code -Dtessera.it.postgresql.url},
 * {@code .user}, {@code .password}); the user must be allowed to create and drop databases.
 */
class UnreadyDatabaseIT {
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Path POSTGRESQL_POST_BOOT = Path.of(System.getProperty("project.basedir", "."))
            .resolve("server-config/payara-micro/postgresql.asadmin");

    /**
     * The database cannot be reached while the WAR deploys. The JPA provider connects during the
     * deployment (EclipseLink detects the database platform), so the deployment fails: Payara Micro
     * keeps running but serves nothing, and its own health checks answer 503 "No Application deployed"
     * for readiness and liveness alike, so a supervisor restarts the node. The log names the cause.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class DatabaseUnreachableAtStart {
        PayaraMicroProcess server;

        @BeforeAll
        void start() throws Exception {
            server = PayaraMicroProcess.start("database-unreachable-at-start", POSTGRESQL_POST_BOOT, Map.of(
                    "TESSERA_DB_URL", "jdbc:postgresql://127.0.0.1:1/tessera", // nothing listens on port 1
                    "TESSERA_DB_USER", "tessera",
                    "TESSERA_DB_PASSWORD", ""), STARTUP);
        }

        @AfterAll
        void stop() {
            if (server != null) {
                server.close();
            }
        }

        @Test
        void readinessAndLivenessAnswer503Down() {
            for (String check : List.of("/health/ready", "/health/live")) {
                HttpResponse<String> response = server.get(check);
                assertThat(response.statusCode()).as(check + ": " + response.body()).isEqualTo(503);
                assertThat(json(response.body()).getString("status")).isEqualTo("DOWN");
                assertThat(response.body()).contains("No Application deployed");
            }
        }

        @Test
        void nothingIsServed() {
            assertThat(server.get("/jwks").statusCode()).isEqualTo(404);
            assertThat(server.get("/.well-known/openid-configuration").statusCode()).isEqualTo(404);
        }

        @Test
        void logSaysTheDatabaseRefusedTheConnection() {
            assertThat(server.logRecords(r -> r.contains("SEVERE") && r.contains("Connection to 127.0.0.1:1 refused")))
                    .as("SEVERE record naming the unreachable database in " + server.logFile()).isNotEmpty();
        }
    }

    /**
     * The database answers but the changelog cannot be applied: a table signing_key with other columns
     * already exists. The WAR deploys, stays alive, and reports why it is not ready. Then the database
     * stops accepting connections, which readiness reports as well, and comes back.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class ChangeSetFailsThenDatabaseGoesAway {
        final String database = "tessera_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PayaraMicroProcess server;

        @BeforeAll
        void start() throws Exception {
            admin("CREATE DATABASE " + database);
            try (Connection c = DriverManager.getConnection(databaseUrl(), user(), password()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE signing_key (kid varchar(10) PRIMARY KEY, legacy_flag integer)");
            }
            server = PayaraMicroProcess.start("changeset-fails", POSTGRESQL_POST_BOOT, Map.of(
                    "TESSERA_DB_URL", databaseUrl(),
                    "TESSERA_DB_USER", user(),
                    "TESSERA_DB_PASSWORD", password()), STARTUP);
            server.await("/health/live", r -> r.statusCode() == 200, STARTUP);
        }

        @AfterAll
        void stop() throws SQLException {
            try {
                if (server != null) {
                    server.close();
                }
            } finally {
                admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }

        @Test
        @Order(1)
        void readinessIs503WithTheFailedMigrationAsReason() {
            HttpResponse<String> response = server.get("/health/ready");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            JsonObject body = json(response.body());
            assertThat(body.getString("status")).isEqualTo("DOWN");
            JsonObject data = tesseraCheck(body).getJsonObject("data");
            assertThat(data.getString("schema")).startsWith("migration failed:").contains("signing_key", "already exists");
            assertThat(data.getString("database")).isEqualTo("reachable");
            assertThat(data.getString("signing-keys")).startsWith("no active key");
            assertThat(server.get("/health/live").statusCode()).isEqualTo(200);
        }

        @Test
        @Order(2)
        void logHasTheSevereSchemaMigrationFailedLineWithTheCause() {
            List<String> records = server.logRecords(r -> r.contains("SEVERE")
                    && r.toLowerCase(Locale.ROOT).contains("schema migration failed"));

            assertThat(records).as("SEVERE 'schema migration failed' record in " + server.logFile()).hasSize(1);
            assertThat(records.get(0)).contains("Tessera is NOT ready", "relation \"signing_key\" already exists");
        }

        @Test
        @Order(3)
        void databaseThatStopsAnsweringIsReportedAndItsReturnNoticed() throws Exception {
            admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");

            HttpResponse<String> gone = server.await("/health/ready",
                    r -> !"reachable".equals(tesseraCheck(json(r.body())).getJsonObject("data").getString("database")),
                    Duration.ofSeconds(30));
            assertThat(gone.statusCode()).isEqualTo(503);
            assertThat(tesseraCheck(json(gone.body())).getJsonObject("data").getString("database"))
                    .satisfiesAnyOf(d -> assertThat(d).startsWith("unreachable:").contains(database),
                            d -> assertThat(d).isEqualTo("not answering"));
            assertThat(server.get("/health/live").statusCode()).as("liveness does not depend on the database").isEqualTo(200);

            admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            server.await("/health/ready",
                    r -> "reachable".equals(tesseraCheck(json(r.body())).getJsonObject("data").getString("database")),
                    Duration.ofSeconds(30));
        }

        private String databaseUrl() {
            return LocalPostgres.urlOf(database);
        }
    }

    private static JsonObject tesseraCheck(JsonObject health) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("tessera")).findFirst()
                .orElseThrow(() -> new AssertionError("no tessera check in " + health));
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
