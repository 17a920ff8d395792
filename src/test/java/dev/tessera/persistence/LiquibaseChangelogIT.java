package dev.tessera.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.tessera.keys.SigningAlgorithm;
import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.keys.SigningKey;
import dev.tessera.device.DeviceCode;
import dev.tessera.device.DeviceCodes;
import dev.tessera.device.DeviceStatus;
import dev.tessera.device.DeviceVerifications;
import dev.tessera.device.JpaDevices;
import dev.tessera.device.PollAnswer;
import dev.tessera.device.UserCodes;
import dev.tessera.trust.SubjectMapping;
import dev.tessera.trust.TrustedIssuer;
import dev.tessera.user.JpaUsers;
import dev.tessera.user.LoginFailure;
import dev.tessera.user.LoginFailureState;
import dev.tessera.user.TestUsers;
import dev.tessera.user.User;
import dev.tessera.user.UserProfile;
import dev.tessera.user.Usernames;
import java.util.LinkedHashSet;
import java.util.Set;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.persistence.jpa.JpaHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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

    /** The test unit must know every entity and converter of the WAR, or the mapping test proves too little. */
    @Test
    void testUnitListsEveryEntityAndConverterOfTheWar() throws IOException {
        Path classes = Path.of(System.getProperty("project.build.directory", "target"), "classes");
        List<String> managed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = load(name.substring(0, name.length() - ".class".length()));
                if (type != null && (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Converter.class))) {
                    managed.add(type.getName());
                }
            }
        }
        String unit;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ChangelogContract.PERSISTENCE_XML)) {
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

    /** What every database must show; one nested class per database runs it on a fresh schema. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class ChangelogContract {
        static final String PERSISTENCE_XML = "META-INF/persistence-test.xml";

        TestDatabase db;
        private EntityManagerFactory emf;

        abstract TestDatabase createDatabase() throws Exception;

        /** The prefix of the EclipseLink platform class Payara would detect for this database. */
        abstract String expectedPlatform();

        @BeforeAll
        void createAndMigrate() throws Exception {
            db = createDatabase();
            try (Connection connection = db.connect()) {
                SchemaMigrations.apply(connection);
            }
        }

        @AfterAll
        void drop() throws Exception {
            try {
                if (emf != null) {
                    emf.close();
                }
            } finally {
                if (db != null) {
                    db.close();
                }
            }
        }

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
                SchemaMigrations.apply(c);
            }

            try (Connection c = db.connect()) {
                assertThat(changelogHistory(c)).as("DATABASECHANGELOG after a second run").isEqualTo(before);
                assertThat(strings(c, "SELECT name FROM tessera_lock")).containsExactlyInAnyOrder(NamedLock.SIGNING_KEYS, NamedLock.BOOTSTRAP);
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
        void clientWithLongListsRoundTrips() {
            String id = "client-" + UUID.randomUUID();
            Client client = new Client(id, ClientAuthMethod.PRIVATE_KEY_JWT, Instant.parse("2026-01-02T03:04:05.678Z"));
            Set<String> redirects = new LinkedHashSet<>();
            for (int i = 0; i < 200; i++) {
                redirects.add("https://app" + i + ".example.com/callback/path/segment");
            }
            client.redirectUris(redirects);
            client.allowedScopes(new LinkedHashSet<>(List.of("openid", "profile", "read", "write")));
            client.allowedResources(Set.of("https://api.example.com"));
            client.jwks("{\"keys\":[{\"kty\":\"RSA\",\"n\":\"" + "n".repeat(9000) + "\",\"e\":\"AQAB\"}]}");
            client.registrationTokenHash("h".repeat(64));

            inTransaction(em -> em.persist(client));

            Client read = read(em -> em.find(Client.class, id));
            assertThat(read.redirectUris()).containsExactlyElementsOf(redirects);
            assertThat(read.allowedScopes()).containsExactly("openid", "profile", "read", "write");
            assertThat(read.jwks()).isEqualTo(client.jwks());
            assertThat(read.authMethod()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
            assertThat(read.createdAt()).isEqualTo(client.createdAt());
            // The query ClientRepository uses to find a client by its registration token.
            List<Client> byToken = read(em -> em.createQuery("SELECT c FROM Client c WHERE c.registrationTokenHash = :h", Client.class)
                    .setParameter("h", "h".repeat(64)).getResultList());
            assertThat(byToken).extracting(Client::clientId).containsExactly(id);
        }

        @Test
        @Order(5)
        void userRoundTripsWithLongGroupsAndItsNormalizedUsernameIsUnique() throws SQLException {
            Instant now = Instant.parse("2026-04-05T06:07:08.912Z");
            UserProfile full = TestUsers.full("\u00c4rger.\u00dcnicode");
            List<String> groups = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                groups.add("group " + i + " " + "g".repeat(100));
            }
            UserProfile profile = new UserProfile(full.username(), full.name(), full.givenName(), full.familyName(),
                    full.middleName(), full.nickname(), full.profile(), full.picture(), full.website(), full.email(),
                    full.emailVerified(), full.gender(), full.birthdate(), full.zoneinfo(), full.locale(), full.phoneNumber(),
                    full.phoneNumberVerified(), full.address(), groups);
            String subject = UUID.randomUUID().toString();
            User user = new User(subject, profile, now);
            user.password("$argon2id$v=19$m=19456,t=2,p=1$" + "s".repeat(22) + "$" + "h".repeat(43), now.plusMillis(1));

            inTransaction(em -> em.persist(user));

            User read = read(em -> em.find(User.class, subject));
            assertThat(read.profile()).isEqualTo(profile);
            assertThat(read.usernameNormalized()).isEqualTo("\u00e4rger.\u00fcnicode");
            assertThat(read.passwordHash()).isEqualTo(user.passwordHash());
            assertThat(read.createdAt()).isEqualTo(now);
            assertThat(read.passwordChangedAt()).isEqualTo(now.plusMillis(1));
            assertThat(read.updatedAt()).isEqualTo(now.plusMillis(1));
            try (Connection c = db.connect()) {
                assertThat(indexes(c, "user_account")).containsEntry("ux_user_account_username", List.of("username_normalized"));
            }

            // The unique index, not a check in Java, keeps two accounts from differing only in case.
            assertThatThrownBy(() -> inTransaction(em -> em.persist(
                    new User(UUID.randomUUID().toString(), TestUsers.minimal("\u00e4RGER.\u00fcNICODE"), now))))
                    .isInstanceOf(RuntimeException.class);

            // Only case folds: an accent is a different name (MariaDB's default collation would say otherwise).
            String plain = UUID.randomUUID().toString();
            inTransaction(em -> em.persist(new User(plain, TestUsers.minimal("arger.unicode"), now)));

            // The queries UserRepository runs; LIKE wildcards in the search text match only themselves.
            inTransaction(em -> {
                em.persist(new User(UUID.randomUUID().toString(), TestUsers.minimal("a_b"), now));
                em.persist(new User(UUID.randomUUID().toString(), TestUsers.minimal("axb"), now));
            });
            Optional<User> byName = read(em -> JpaUsers.repository(em).findByUsername(Usernames.normalize("\u00c4RGER.\u00dcNICODE")));
            Optional<User> byPlainName = read(em -> JpaUsers.repository(em).findByUsername("arger.unicode"));
            List<User> byFamilyName = read(em -> JpaUsers.repository(em).search("LIDDELL", 0, 10));
            List<User> underscore = read(em -> JpaUsers.repository(em).search("a_b", 0, 10));
            List<User> percent = read(em -> JpaUsers.repository(em).search("%", 0, 10));
            List<User> all = read(em -> JpaUsers.repository(em).search(null, 0, 10));
            List<User> page = read(em -> JpaUsers.repository(em).search("", 1, 2));
            assertThat(byName).hasValueSatisfying(u -> assertThat(u.subject()).isEqualTo(subject));
            assertThat(byPlainName).hasValueSatisfying(u -> assertThat(u.subject()).isEqualTo(plain));
            assertThat(byFamilyName).extracting(User::subject).containsExactly(subject);
            assertThat(underscore).extracting(User::username).containsExactly("a_b");
            assertThat(percent).isEmpty();
            assertThat(all).extracting(User::username).containsExactlyInAnyOrder("a_b", "axb", "arger.unicode", "\u00c4rger.\u00dcnicode");
            assertThat(page).extracting(User::subject).containsExactlyElementsOf(all.subList(1, 3).stream().map(User::subject).toList());
            inTransaction(em -> assertThat(JpaUsers.repository(em).replacePasswordHash(subject, user.passwordHash(), "new")).isTrue());
            User rehashed = read(em -> em.find(User.class, subject));
            assertThat(rehashed.passwordHash()).isEqualTo("new");
        }

        @Test
        @Order(5)
        void loginFailuresCountUnderARowLockAndAreReapedOnceExpired() {
            Instant now = Instant.parse("2026-06-01T00:00:00Z");
            String key = "f".repeat(56) + UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < 2; i++) {
                inTransaction(em -> JpaUsers.failureWriter(em).update(key, now,
                        f -> f.failed(now, Duration.ofMinutes(15), 2, Duration.ofHours(1))));
            }

            LoginFailure row = read(em -> em.find(LoginFailure.class, key));
            assertThat(row.failures()).isEqualTo(2);
            assertThat(row.lockedUntil()).isEqualTo(now.plus(Duration.ofHours(1)));
            assertThat(row.expiresAt()).isEqualTo(now.plus(Duration.ofHours(1)));

            ReaperBatch batch = new ReaperBatch();
            inTransaction(em -> {
                batch.em = em;
                assertThat(batch.delete(new LoginFailureState(), now.plus(Duration.ofMinutes(59)), 10)).isZero();
                assertThat(batch.delete(new LoginFailureState(), now.plus(Duration.ofHours(2)), 10)).isEqualTo(1);
            });
            inTransaction(em -> JpaUsers.failureWriter(em).clear(key));
            LoginFailure cleared = read(em -> em.find(LoginFailure.class, key));
            assertThat(cleared).isNull();
        }

        @Test
        @Order(5)
        void deviceCodesAreIssuedBoundDecidedRedeemedOnceAndReaped() throws SQLException {
            Instant now = Instant.parse("2026-07-01T08:00:00Z");
            java.time.Clock clock = java.time.Clock.fixed(now, java.time.ZoneOffset.UTC);
            DeviceCodes.Issued[] issued = new DeviceCodes.Issued[1];
            inTransaction(em -> issued[0] = JpaDevices.codes(em, clock).issue("tv", Set.of("openid", "profile"),
                    List.of("https://api.example.com")));
            String normalized = UserCodes.normalize(issued[0].userCode()).orElseThrow();
            try (Connection c = db.connect()) {
                assertThat(indexes(c, "device_code")).containsEntry("ix_device_code_purge", List.of("purge_at"));
            }

            // Two rows can never share a user code.
            assertThatThrownBy(() -> inTransaction(em -> {
                em.persist(JpaDevices.row("e".repeat(64), UserCodes.hash(normalized), now));
                em.flush();
            })).isInstanceOf(RuntimeException.class);

            List<DeviceVerifications.Bound> bound = new ArrayList<>();
            inTransaction(em -> JpaDevices.verifications(em, clock).bind(normalized).ifPresent(bound::add));
            assertThat(bound).hasSize(1);
            String flowId = bound.get(0).flowId();
            java.util.function.Function<String, String> cookies = name -> name.equals(bound.get(0).cookieName()) ? bound.get(0).cookieValue() : null;
            DeviceCode found = read(em -> JpaDevices.verifications(em, clock).find(flowId, cookies).orElse(null));
            assertThat(found).isNotNull();
            assertThat(found.scope()).containsExactlyInAnyOrder("openid", "profile");
            assertThat(found.resources()).containsExactly("https://api.example.com");
            Optional<DeviceCode> withoutCookie = read(em -> JpaDevices.verifications(em, clock).find(flowId, name -> null));
            assertThat(withoutCookie).isEmpty();

            // Polling state is stored in the row: a second poll at once slows down, and the raised interval stays.
            PollAnswer[] early = new PollAnswer[2];
            inTransaction(em -> early[0] = JpaDevices.codes(em, clock).poll(issued[0].deviceCode(), "tv").answer());
            inTransaction(em -> early[1] = JpaDevices.codes(em, clock).poll(issued[0].deviceCode(), "tv").answer());
            assertThat(early).containsExactly(PollAnswer.AUTHORIZATION_PENDING, PollAnswer.SLOW_DOWN);
            DeviceCode slowed = read(em -> em.find(DeviceCode.class, dev.tessera.oauth.Secrets.sha256Hex(issued[0].deviceCode())));
            assertThat(slowed.intervalSeconds()).isEqualTo(10);
            assertThat(slowed.lastPolledAt()).isEqualTo(now);
            PollAnswer[] otherClient = new PollAnswer[1];
            inTransaction(em -> otherClient[0] = JpaDevices.codes(em, clock).poll(issued[0].deviceCode(), "someone-else").answer());
            assertThat(otherClient[0]).isEqualTo(PollAnswer.UNKNOWN);

            DeviceVerifications.Decider who = new DeviceVerifications.Decider("sub-1", now.minusSeconds(5), List.of("pwd"), "acr");
            boolean[] decided = new boolean[2];
            inTransaction(em -> decided[0] = JpaDevices.verifications(em, clock).decide(flowId, cookies, true, who));
            inTransaction(em -> decided[1] = JpaDevices.verifications(em, clock).decide(flowId, cookies, false, who));
            assertThat(decided).containsExactly(true, false);

            PollAnswer[] answers = new PollAnswer[2];
            inTransaction(em -> answers[0] = JpaDevices.codes(em, clock).poll(issued[0].deviceCode(), "tv").answer());
            inTransaction(em -> answers[1] = JpaDevices.codes(em, clock).poll(issued[0].deviceCode(), "tv").answer());
            assertThat(answers).containsExactly(PollAnswer.ISSUE, PollAnswer.REDEEMED);
            DeviceCode redeemed = read(em -> em.find(DeviceCode.class, dev.tessera.oauth.Secrets.sha256Hex(issued[0].deviceCode())));
            assertThat(redeemed.status()).isEqualTo(DeviceStatus.APPROVED);
            assertThat(redeemed.redeemedAt()).isEqualTo(now);
            assertThat(redeemed.subject()).isEqualTo("sub-1");
            assertThat(redeemed.amr()).containsExactly("pwd");

            ReaperBatch batch = new ReaperBatch();
            inTransaction(em -> {
                batch.em = em;
                assertThat(batch.delete(new DeviceCodes.State(), redeemed.expiresAt().plusSeconds(1), 10)).isZero();
                assertThat(batch.delete(new DeviceCodes.State(), now.plus(Duration.ofMinutes(21)), 10)).isEqualTo(1);
            });
        }

        @Test
        @Order(5)
        void trustedIssuerRoundTripsAndItsIssuerIsUniqueAndExact() throws SQLException {
            String id = "idp-" + UUID.randomUUID().toString().substring(0, 8);
            String iss = "https://" + id + ".example.com/realms/Main";
            Instant now = Instant.parse("2026-02-03T04:05:06.789Z");
            TrustedIssuer issuer = new TrustedIssuer(id, now);
            issuer.issuer(iss);
            issuer.jwks("{\"keys\":[{\"kty\":\"RSA\",\"n\":\"" + "n".repeat(9000) + "\",\"e\":\"AQAB\"}]}");
            issuer.algorithms(new LinkedHashSet<>(List.of("RS256", "ES256")));
            Set<String> subjects = new LinkedHashSet<>();
            for (int i = 0; i < 300; i++) {
                subjects.add("svc-" + i + "-" + "s".repeat(40));
            }
            issuer.allowedSubjects(subjects);
            issuer.allowedClients(Set.of("*"));
            issuer.allowedAudiences(Set.of("https://api.example.com"));
            issuer.subjectMapping(SubjectMapping.LOCAL_USER);
            issuer.maxAssertionLifetimeSeconds(300);

            inTransaction(em -> em.persist(issuer));

            TrustedIssuer read = read(em -> em.find(TrustedIssuer.class, id));
            assertThat(read.issuer()).isEqualTo(iss);
            assertThat(read.jwks()).isEqualTo(issuer.jwks());
            assertThat(read.algorithms()).containsExactly("RS256", "ES256");
            assertThat(read.allowedSubjects()).containsExactlyElementsOf(subjects);
            assertThat(read.allowedClients()).containsExactly("*");
            assertThat(read.subjectMapping()).isEqualTo(SubjectMapping.LOCAL_USER);
            assertThat(read.maxAssertionLifetimeSeconds()).isEqualTo(300);
            assertThat(read.enabled()).isTrue();
            assertThat(read.createdAt()).isEqualTo(now);
            try (Connection c = db.connect()) {
                assertThat(indexes(c, "trusted_issuer")).containsEntry("ux_trusted_issuer_issuer", List.of("issuer"));
            }
            // The query TrustedIssuerRepository runs: the issuer is compared exactly, case included.
            List<TrustedIssuer> exact = read(em -> em.createQuery("SELECT t FROM TrustedIssuer t WHERE t.issuer = :iss",
                    TrustedIssuer.class).setParameter("iss", iss).getResultList());
            List<TrustedIssuer> otherCase = read(em -> em.createQuery("SELECT t FROM TrustedIssuer t WHERE t.issuer = :iss",
                    TrustedIssuer.class).setParameter("iss", iss.toLowerCase(Locale.ROOT)).getResultList());
            assertThat(exact).extracting(TrustedIssuer::id).containsExactly(id);
            assertThat(otherCase).isEmpty();
            // A second row for the same issuer is refused by the unique index.
            assertThatThrownBy(() -> inTransaction(em -> {
                TrustedIssuer twin = new TrustedIssuer(id + "-2", now);
                twin.issuer(iss);
                twin.subjectMapping(SubjectMapping.SERVICE);
                em.persist(twin);
            })).isInstanceOf(RuntimeException.class);
        }

        @Test
        @Order(5)
        void clientTokenExchangePolicyRoundTripsAndDefaultsToNothing() throws SQLException {
            String id = "tx-" + UUID.randomUUID();
            Client client = new Client(id, ClientAuthMethod.CLIENT_SECRET_BASIC, Instant.parse("2026-01-02T03:04:05Z"));
            Set<String> audiences = new LinkedHashSet<>();
            for (int i = 0; i < 200; i++) {
                audiences.add("https://service" + i + ".example.com/api/v1");
            }
            client.tokenExchangeAudiences(audiences);
            client.tokenExchangeRefreshTokens(true);
            String bare = "tx-bare-" + UUID.randomUUID();

            inTransaction(em -> {
                em.persist(client);
                em.persist(new Client(bare, ClientAuthMethod.NONE, Instant.parse("2026-01-02T03:04:05Z")));
            });

            Client read = read(em -> em.find(Client.class, id));
            assertThat(read.tokenExchangeAudiences()).containsExactlyElementsOf(audiences);
            assertThat(read.tokenExchangeRefreshTokens()).isTrue();
            Client plain = read(em -> em.find(Client.class, bare));
            assertThat(plain.tokenExchangeAudiences()).isEmpty();
            assertThat(plain.tokenExchangeRefreshTokens()).isFalse();
        }

        @Test
        @Order(5)
        void clientIdsDifferingOnlyInCaseAreDistinctClients() {
            String base = "case-" + UUID.randomUUID().toString().substring(0, 8);
            Instant now = Instant.parse("2026-01-02T03:04:05Z");
            inTransaction(em -> em.persist(new Client(base, ClientAuthMethod.NONE, now)));
            inTransaction(em -> em.persist(new Client(base.toUpperCase(java.util.Locale.ROOT), ClientAuthMethod.CLIENT_SECRET_BASIC, now)));
            Client lower = read(em -> em.find(Client.class, base));
            Client upper = read(em -> em.find(Client.class, base.toUpperCase(java.util.Locale.ROOT)));
            assertThat(lower.authMethod()).isEqualTo(ClientAuthMethod.NONE);
            assertThat(upper.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
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

        private EntityManagerFactory emf() {
            if (emf == null) {
                Map<String, Object> properties = new HashMap<>();
                properties.put("eclipselink.persistencexml", PERSISTENCE_XML);
                properties.put("jakarta.persistence.jdbc.driver", db.driver);
                properties.put("jakarta.persistence.jdbc.url", db.url);
                properties.put("jakarta.persistence.jdbc.user", db.user);
                properties.put("jakarta.persistence.jdbc.password", db.password);
                emf = Persistence.createEntityManagerFactory("tessera-test", properties);
            }
            return emf;
        }

        private void inTransaction(Consumer<EntityManager> work) {
            EntityManager em = emf().createEntityManager();
            try {
                em.getTransaction().begin();
                work.accept(em);
                em.getTransaction().commit();
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }
        }

        private <T> T read(Function<EntityManager, T> work) {
            EntityManager em = emf().createEntityManager();
            try {
                return work.apply(em);
            } finally {
                em.close();
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

        private static List<String> strings(Connection c, String sql) throws SQLException {
            List<String> values = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    /** A column as JDBC metadata reports it; the size only counts for character columns. */
    record Column(String name, int type, int size, boolean nullable) {
    }

    /** The table's real name in the connection's own schema (H2 folds to upper case, PostgreSQL to lower). */
    static String tableName(Connection c, String name) throws SQLException {
        List<String> found = new ArrayList<>();
        String catalog = c.getCatalog();
        String schema = c.getSchema();
        try (ResultSet rs = c.getMetaData().getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                found.add(rs.getString("TABLE_NAME"));
            }
        }
        return found.stream().filter(t -> t.equalsIgnoreCase(name)).findFirst()
                .orElseGet(() -> fail("No table " + name + " in " + catalog + "/" + schema + "; found " + found));
    }

    static List<Column> columns(Connection c, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        DatabaseMetaData metaData = c.getMetaData();
        try (ResultSet rs = metaData.getColumns(c.getCatalog(), c.getSchema(), tableName(c, table), "%")) {
            while (rs.next()) {
                int type = rs.getInt("DATA_TYPE");
                columns.add(new Column(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), type,
                        type == Types.VARCHAR ? rs.getInt("COLUMN_SIZE") : 0,
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
            }
        }
        return columns;
    }

    static List<String> primaryKey(Connection c, String table) throws SQLException {
        Map<Short, String> columns = new TreeMap<>();
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(c.getCatalog(), c.getSchema(), tableName(c, table))) {
            while (rs.next()) {
                columns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(columns.values());
    }

    /** Index name to its columns in order, names in lower case. */
    static Map<String, List<String>> indexes(Connection c, String table) throws SQLException {
        Map<String, List<Map.Entry<Short, String>>> found = new HashMap<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(c.getCatalog(), c.getSchema(), tableName(c, table), false, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index != null && column != null) {
                    found.computeIfAbsent(index.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(Map.entry(rs.getShort("ORDINAL_POSITION"), column.toLowerCase(Locale.ROOT)));
                }
            }
        }
        Map<String, List<String>> indexes = new HashMap<>();
        found.forEach((index, columns) -> indexes.put(index, columns.stream()
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList()));
        return indexes;
    }
}
