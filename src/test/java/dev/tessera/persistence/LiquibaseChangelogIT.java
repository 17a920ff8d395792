package dev.tessera.persistence;

import static dev.tessera.persistence.SchemaMetadata.tableName;
import static dev.tessera.persistence.SchemaMetadata.columns;
import static dev.tessera.persistence.SchemaMetadata.primaryKey;
import static dev.tessera.persistence.SchemaMetadata.indexes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.keys.SigningAlgorithm;
import dev.tessera.persistence.SchemaMetadata.Column;
import dev.tessera.keys.SigningKey;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.persistence.jpa.JpaHelper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Liquibase changelog and the JPA mapping, proven on every database Tessera supports: H2 (the
 * embedded default), PostgreSQL and MariaDB. The changelog is applied through
 * {@link SchemaMigrations#apply}, the code the server runs at start-up, to a fresh, uniquely named
 * database or schema that is dropped afterwards, so reruns and parallel builds never collide.
 *
 * <p>The entities are then used through EclipseLink in Java SE mode (the provider Payara bundles),
 * with the test-only unit in {@code META-INF/persistence-test.xml}.
 *
 * <p>PostgreSQL and MariaDB are expected on the local machine (see docs/databases.md); point the tests
 * elsewhere with {@code -Dtessera.it.postgresql.url=... -Dtessera.it.postgresql.user=...
 * -Dtessera.it.postgresql.password=...} and likewise {@code tessera.it.mariadb.*}. The user must be
 * allowed to create and drop a schema (PostgreSQL) or database (MariaDB).
 */
class LiquibaseChangelogIT {

    @Nested
    class OnH2 extends ChangelogContract {
        @Override
        TestDatabase createDatabase() {
            return TestDatabase.h2();
        }

        @Override
        String expectedPlatform() {
            return "H2";
        }
    }

    @Nested
    class OnPostgreSQL extends ChangelogContract {
        @Override
        TestDatabase createDatabase() throws SQLException {
            return TestDatabase.postgresql();
        }

        @Override
        String expectedPlatform() {
            return "PostgreSQL";
        }
    }

    @Nested
    class OnMariaDB extends ChangelogContract {
        @Override
        TestDatabase createDatabase() throws SQLException {
            return TestDatabase.mariadb();
        }

        @Override
        String expectedPlatform() {
            return "MariaDB";
        }
    }

    /** The test unit must know every managed class of the WAR, or the mapping test proves too little. */
    @Test
    void testUnitListsEveryEntityAndConverterOfTheWar() throws IOException {
        Path classes = Path.of(System.getProperty("project.build.directory", "target"), "classes");
        List<String> managed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = load(name.substring(0, name.length() - ".class".length()));
                if (type != null && (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Converter.class)
                        || type.isAnnotationPresent(Embeddable.class) || type.isAnnotationPresent(MappedSuperclass.class))) {
                    managed.add(type.getName());
                }
            }
        }
        String unit;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SchemaContract.PERSISTENCE_XML)) {
            unit = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(managed).contains(SigningKey.class.getName(), NamedLock.class.getName(), InstantConverter.class.getName());
        assertThat(managed).allSatisfy(name -> assertThat(unit).as("persistence-test.xml lists " + name)
                .contains("<class>" + name + "</class>"));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, LiquibaseChangelogIT.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
    /** What every database must show of the schema itself; one nested class per database runs it. */
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class ChangelogContract extends SchemaContract {
        /** The prefix of the EclipseLink platform class Payara would detect for this database. */
        abstract String expectedPlatform();

        @Test
        @Order(1)
        void changelogCreatesTheTablesWithTheExpectedColumns() throws SQLException {
            try (Connection c = db.connect()) {
                assertThat(columns(c, "tessera_lock")).containsExactlyInAnyOrder(
                        new Column("name", Types.VARCHAR, 64, false));
                assertThat(primaryKey(c, "tessera_lock")).containsExactly("name");

                assertThat(columns(c, "signing_key")).containsExactlyInAnyOrder(
                        new Column("kid", Types.VARCHAR, 64, false),
                        new Column("alg", Types.VARCHAR, 16, false),
                        new Column("public_jwk", Types.VARCHAR, 4000, false),
                        new Column("private_jwk", Types.VARCHAR, 8000, false),
                        new Column("created_at", Types.BIGINT, 0, false),
                        new Column("activates_at", Types.BIGINT, 0, false),
                        new Column("retires_at", Types.BIGINT, 0, true));
                assertThat(primaryKey(c, "signing_key")).containsExactly("kid");
                assertThat(indexes(c, "signing_key")).containsEntry("ix_signing_key_alg", List.of("alg", "activates_at"));
            }
        }

        /** 013: the access token a code or device code issued is recorded with its expiry, as refresh tokens always did. */
        @Test
        @Order(1)
        void codesAndDeviceCodesRecordTheExpiryOfTheirAccessToken() throws SQLException {
            try (Connection c = db.connect()) {
                for (String table : List.of("authorization_code", "device_code", "refresh_token")) {
                    assertThat(columns(c, table)).as(table).contains(
                            new Column("access_jti", Types.VARCHAR, 64, true),
                            new Column("access_expires_at", Types.BIGINT, 0, true));
                }
            }
        }

        @Test
        @Order(2)
        void lockRowForSigningKeysExists() throws SQLException {
            try (Connection c = db.connect()) {
                assertThat(strings(c, "SELECT name FROM tessera_lock")).containsExactlyInAnyOrder(NamedLock.SIGNING_KEYS, NamedLock.BOOTSTRAP);
            }
        }

        @Test
        @Order(3)
        void applyingTheChangelogAgainIsANoOp() throws Exception {
            List<String> before;
            try (Connection c = db.connect()) {
                before = changelogHistory(c);
            }
            assertThat(before).anySatisfy(row -> assertThat(row).startsWith("001-tessera-lock|tessera|").endsWith("|EXECUTED"));
            assertThat(before).anySatisfy(row -> assertThat(row).startsWith("001-signing-key|tessera|").endsWith("|EXECUTED"));

            try (Connection c = db.connect()) {
                assertThat(SchemaMigrations.apply(c)).as("Liquibase runs on a current schema").isFalse();
            }

            try (Connection c = db.connect()) {
                assertThat(changelogHistory(c)).as("DATABASECHANGELOG after a second run").isEqualTo(before);
                assertThat(strings(c, "SELECT name FROM tessera_lock")).containsExactlyInAnyOrder(NamedLock.SIGNING_KEYS, NamedLock.BOOTSTRAP);
            }
        }

        /** Issue 23: a start on a current schema skips Liquibase; one changeset missing from the history runs it. */
        @Test
        @Order(4)
        void liquibaseRunsOnlyWhenAChangesetIsMissingFromTheHistory() throws Exception {
            List<AppliedChangelog.Entry> changelog = SchemaMigrations.changelog();
            assertThat(changelog).as("every changeSet of liquibase/changes").hasSize(changeSetsInFiles())
                    .anySatisfy(e -> assertThat(e.dbms()).containsExactly("mariadb", "mysql"));
            try (Connection c = db.connect()) {
                assertThat(AppliedChangelog.current(c, changelog)).isTrue();
                renameChangeset(c, "001-signing-key", "001-signing-key-renamed");
                assertThat(AppliedChangelog.current(c, changelog)).as("one changeset missing").isFalse();
                renameChangeset(c, "001-signing-key-renamed", "001-signing-key");
                assertThat(AppliedChangelog.current(c, changelog)).isTrue();
            }
        }

        private static int changeSetsInFiles() throws IOException {
            Path changes = Path.of(System.getProperty("project.basedir", "."), "liquibase", "changes");
            int count = 0;
            try (Stream<Path> files = Files.list(changes)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                    count += Files.readString(f).split("<changeSet\\b", -1).length - 1;
                }
            }
            return count;
        }

        private static void renameChangeset(Connection c, String from, String to) throws SQLException {
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("UPDATE DATABASECHANGELOG SET ID = '" + to + "' WHERE ID = '" + from + "'")).isEqualTo(1);
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
        }

        @Test
        @Order(4)
        void eclipseLinkDetectsTheDatabasePlatform() {
            EntityManager em = emf().createEntityManager();
            try {
                String platform = JpaHelper.getEntityManager(em).getServerSession().getPlatform().getClass().getSimpleName();
                assertThat(platform).startsWith(expectedPlatform());
            } finally {
                em.close();
            }
        }

        @Test
        @Order(5)
        void signingKeyRoundTripsWithInstantsAsEpochMillis() throws SQLException {
            String kid = "kid-" + UUID.randomUUID();
            Instant created = Instant.parse("2026-03-04T05:06:07.891Z");
            Instant activates = created.plus(Duration.ofDays(2)).plusMillis(1);
            // Exactly as wide as the columns: proves the widths, and that nothing is truncated.
            String publicJwk = "{\"kty\":\"RSA\",\"n\":\"" + "n".repeat(4000 - 20) + "\"}";
            String privateJwk = "ciphertext:" + "p".repeat(8000 - 11);
            assertThat(publicJwk).hasSize(4000);
            assertThat(privateJwk).hasSize(8000);
            SigningKey key = new SigningKey(kid, SigningAlgorithm.RS256, publicJwk, privateJwk, created, activates);

            inTransaction(em -> em.persist(key));

            SigningKey read = read(em -> em.find(SigningKey.class, kid));
            assertThat(read).isNotNull().isNotSameAs(key);
            assertThat(read).usingRecursiveComparison().isEqualTo(key);
            assertThat(read.kid()).isEqualTo(kid);
            assertThat(read.algorithm()).contains(SigningAlgorithm.RS256);
            assertThat(read.publicJwk()).isEqualTo(publicJwk);
            assertThat(read.encryptedPrivateJwk()).isEqualTo(privateJwk);
            assertThat(read.createdAt()).isEqualTo(created);
            assertThat(read.activatesAt()).isEqualTo(activates);
            assertThat(read.retiresAt()).isNull();
            assertThat(storedTimes(kid)).containsExactly(created.toEpochMilli(), activates.toEpochMilli(), null);

            Instant retires = activates.plus(Duration.ofDays(90)).plusMillis(7);
            inTransaction(em -> em.find(SigningKey.class, kid).retireAt(retires));

            SigningKey updated = read(em -> em.find(SigningKey.class, kid));
            assertThat(updated.retiresAt()).isEqualTo(retires);
            assertThat(updated.activatesAt()).isEqualTo(activates);
            assertThat(storedTimes(kid)).containsExactly(created.toEpochMilli(), activates.toEpochMilli(), retires.toEpochMilli());

            // The queries KeyRepository runs.
            List<SigningKey> byAlgorithm = read(em -> em.createQuery(
                    "SELECT k FROM SigningKey k WHERE k.algorithm = :alg", SigningKey.class)
                    .setParameter("alg", SigningAlgorithm.RS256.jwsName()).getResultList());
            assertThat(byAlgorithm).extracting(SigningKey::kid).contains(kid);
            List<SigningKey> all = read(em -> em.createQuery(
                    "SELECT k FROM SigningKey k ORDER BY k.activatesAt", SigningKey.class).getResultList());
            assertThat(all).extracting(SigningKey::kid).contains(kid);
        }

        @Test
        @Order(5)
        void reaperDeletesOnlyExpiredRowsInBatches() {
            Instant now = Instant.parse("2026-06-01T00:00:00Z");
            String prefix = UUID.randomUUID().toString().substring(0, 8);
            inTransaction(em -> {
                for (int i = 0; i < 5; i++) {
                    em.persist(new ReplayEntry(prefix + "-old-" + i, now.minusSeconds(60)));
                }
                em.persist(new ReplayEntry(prefix + "-live", now.plusSeconds(60)));
            });
            ReaperBatch batch = new ReaperBatch();
            int[] deleted = new int[2];
            inTransaction(em -> {
                batch.em = em;
                deleted[0] = batch.delete(new ReplayState(), now, 3);
                deleted[1] = batch.delete(new ReplayState(), now, 3);
            });
            assertThat(deleted[0]).isEqualTo(3);
            assertThat(deleted[1]).isGreaterThanOrEqualTo(2);
            ReplayEntry live = read(em -> em.find(ReplayEntry.class, prefix + "-live"));
            ReplayEntry old = read(em -> em.find(ReplayEntry.class, prefix + "-old-0"));
            assertThat(live).isNotNull();
            assertThat(old).isNull();
        }

        @Test
        @Order(6)
        void pessimisticWriteLockOnTheSigningKeysRowHoldsOffOtherTransactions() throws SQLException {
            EntityManager em = emf().createEntityManager();
            try {
                em.getTransaction().begin();
                NamedLock lock = em.find(NamedLock.class, NamedLock.SIGNING_KEYS, LockModeType.PESSIMISTIC_WRITE);
                assertThat(lock).as("lock row").isNotNull();
                assertThat(lock.name()).isEqualTo(NamedLock.SIGNING_KEYS);
                assertThat(em.getLockMode(lock)).isEqualTo(LockModeType.PESSIMISTIC_WRITE);

                // Another node (here: another connection) cannot take the lock while this transaction runs.
                try (Connection other = db.connect()) {
                    other.setAutoCommit(false);
                    try (Statement s = other.createStatement()) {
                        s.execute(db.lockTimeoutStatement);
                    }
                    assertThatThrownBy(() -> selectForUpdate(other)).isInstanceOf(SQLException.class);
                    other.rollback();
                }

                em.getTransaction().commit();
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }

            // Released with the commit.
            try (Connection other = db.connect()) {
                other.setAutoCommit(false);
                try (Statement s = other.createStatement()) {
                    s.execute(db.lockTimeoutStatement);
                }
                assertThat(selectForUpdate(other)).isEqualTo(NamedLock.SIGNING_KEYS);
                other.rollback();
            }
        }

        private static String selectForUpdate(Connection connection) throws SQLException {
            try (PreparedStatement s = connection.prepareStatement("SELECT name FROM tessera_lock WHERE name = ? FOR UPDATE")) {
                s.setString(1, NamedLock.SIGNING_KEYS);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }

        /** created_at, activates_at, retires_at as stored: BIGINT epoch milliseconds. */
        private List<Long> storedTimes(String kid) throws SQLException {
            try (Connection c = db.connect();
                    PreparedStatement s = c.prepareStatement("SELECT created_at, activates_at, retires_at FROM signing_key WHERE kid = ?")) {
                s.setString(1, kid);
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).as("row for " + kid).isTrue();
                    List<Long> times = new ArrayList<>();
                    for (int i = 1; i <= 3; i++) {
                        long value = rs.getLong(i);
                        times.add(rs.wasNull() ? null : value);
                    }
                    return times;
                }
            }
        }

        /** Every changeSet Liquibase recorded, one line each: id|author|file|date|order|type|checksum. */
        private static List<String> changelogHistory(Connection c) throws SQLException {
            String table = tableName(c, "databasechangelog");
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, EXECTYPE FROM "
                            + table + " ORDER BY ORDEREXECUTED")) {
                while (rs.next()) {
                    rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3),
                            String.valueOf(rs.getTimestamp(4)), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            return rows;
        }
    }
}
