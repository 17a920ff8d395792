package dev.tessera.persistence;

import static dev.tessera.persistence.SchemaMetadata.indexes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.authorize.AuthorizationCode;
import dev.tessera.authorize.AuthorizationCodeFixtures;
import dev.tessera.authorize.AuthorizationCodes;
import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.client.ClientColumns;
import dev.tessera.device.DeviceCode;
import dev.tessera.device.DeviceCodes;
import dev.tessera.device.DeviceStatus;
import dev.tessera.device.DeviceVerifications;
import dev.tessera.device.JpaDevices;
import dev.tessera.device.PollAnswer;
import dev.tessera.device.UserCodes;
import dev.tessera.oauth.Secrets;
import dev.tessera.session.Authentication;
import dev.tessera.session.JpaSessions;
import dev.tessera.session.SessionEndReason;
import dev.tessera.session.SessionEnded;
import dev.tessera.session.SessionOrigin;
import dev.tessera.session.SessionService;
import dev.tessera.session.SignIn;
import dev.tessera.session.SsoSession;
import dev.tessera.token.IssuedAccessToken;
import dev.tessera.token.JpaTokens;
import dev.tessera.token.RevokedJtis;
import dev.tessera.token.RefreshGrant;
import dev.tessera.token.RefreshToken;
import dev.tessera.token.RefreshTokenFixtures;
import dev.tessera.token.UserGrant;
import dev.tessera.trust.SubjectMapping;
import dev.tessera.trust.TrustedIssuer;
import dev.tessera.user.JpaUsers;
import dev.tessera.user.LoginFailure;
import dev.tessera.user.LoginFailureState;
import dev.tessera.user.TestUsers;
import dev.tessera.user.User;
import dev.tessera.user.UserProfile;
import dev.tessera.user.Usernames;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import java.lang.reflect.Field;
import java.util.LinkedHashSet;
import java.util.Set;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The entities as the server uses them, through EclipseLink, on every database Tessera supports: long
 * lists and JSON survive, unique and case-sensitive keys hold, and the queries the repositories run find
 * what they should. {@link LiquibaseChangelogIT} proves the schema itself; this class reuses its set-up
 * ({@link SchemaContract}) on a database of its own.
 */
class EntityMappingIT {

    @Nested
    class OnH2 extends MappingContract {
        @Override
        TestDatabase createDatabase() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgreSQL extends MappingContract {
        @Override
        TestDatabase createDatabase() throws SQLException {
            return TestDatabase.postgresql();
        }
    }

    @Nested
    class OnMariaDB extends MappingContract {
        @Override
        TestDatabase createDatabase() throws SQLException {
            return TestDatabase.mariadb();
        }
    }

    /** What every database must do with the entities; one nested class per database runs it. */
    abstract static class MappingContract extends SchemaContract {
        @Test
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

        /** Issue 18 point 1: the limits the admin API and registration enforce are what each database holds. */
        @Test
        void aClientWithEveryTextColumnAtItsLimitIsStoredAndReadBack() throws Exception {
            Client client = new Client("limits", ClientAuthMethod.CLIENT_SECRET_BASIC, Instant.parse("2026-06-01T00:00:00Z"));
            List<Field> fields = ClientColumns.limitedFields();
            for (Field field : fields) {
                field.set(client, ClientColumns.valueOf(field, field.getAnnotation(Column.class).length()));
            }
            assertThat(ColumnFit.violations(client)).isEmpty();
            String id = (String) fields.stream().filter(f -> f.getName().equals("clientId")).findFirst().orElseThrow().get(client);
            inTransaction(em -> em.persist(client));

            Client read = read(em -> em.find(Client.class, id));
            for (Field field : fields) {
                assertThat(field.get(read)).as(field.getName()).isEqualTo(ClientColumns.valueOf(field, field.getAnnotation(Column.class).length()));
            }
        }

        /** Issue 18 point 1: the limits the validation enforces are the ones every database really holds. */
        @Test
        void aUserAndATrustedIssuerWithEveryTextColumnAtItsLimitAreStoredAndReadBack() throws Exception {
            User user = new User("limits-user", TestUsers.minimal("limits"), Instant.parse("2026-06-01T00:00:00Z"));
            TrustedIssuer issuer = new TrustedIssuer("limits-issuer", Instant.parse("2026-06-01T00:00:00Z"));
            for (Object entity : List.of(user, issuer)) {
                for (Field field : EntityColumns.limitedFields(entity.getClass())) {
                    if (field.getAnnotation(Id.class) == null) {
                        field.set(entity, EntityColumns.valueOf(field, field.getAnnotation(Column.class).length()));
                    }
                }
                assertThat(ColumnFit.violations(entity)).isEmpty();
            }
            inTransaction(em -> {
                em.persist(user);
                em.persist(issuer);
            });

            User readUser = read(em -> em.find(User.class, "limits-user"));
            TrustedIssuer readIssuer = read(em -> em.find(TrustedIssuer.class, "limits-issuer"));
            for (Object[] pair : new Object[][] {{user, readUser}, {issuer, readIssuer}}) {
                for (Field field : EntityColumns.limitedFields(pair[0].getClass())) {
                    assertThat(field.get(pair[1])).as(field.getName()).isEqualTo(field.get(pair[0]));
                }
            }
        }

        /** Issue 18 point 4: a replay is a row count of 0, not an exception that dooms the transaction and fills the log. */
        @Test
        void firstInsertAnswersAReplayWithARowCountAndNoException() {
            String key = "r".repeat(40) + UUID.randomUUID().toString().substring(0, 8);
            Instant expires = Instant.parse("2026-06-01T00:00:00Z");
            List<Boolean> answers = new ArrayList<>();
            inTransaction(em -> answers.add(JpaInserts.on(em).insert(ReplayEntry.TABLE, ReplayEntry.KEY_COLUMN, key, expires)));
            inTransaction(em -> {
                for (int i = 0; i < 3; i++) {
                    answers.add(JpaInserts.on(em).insert(ReplayEntry.TABLE, ReplayEntry.KEY_COLUMN, key, expires.plusSeconds(60)));
                }
                assertThat(em.getTransaction().getRollbackOnly()).isFalse();
            });

            assertThat(answers).containsExactly(true, false, false, false);
            List<?> stored = read(em -> em.createNativeQuery("SELECT expires_at FROM replay_entry WHERE key_hash = ?1")
                    .setParameter(1, key).getResultList());
            assertThat(stored).hasSize(1);
            assertThat(((Number) stored.get(0)).longValue()).isEqualTo(expires.toEpochMilli());
        }

        @Test
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
            // An unlock deletes every key of one account: the keys sharing its first half (LoginThrottle).
            String account = UUID.randomUUID().toString().replace("-", "");
            String other = "e".repeat(32) + account;
            for (String k : new String[] {account + "a".repeat(32), account + "b".repeat(32), other}) {
                inTransaction(em -> JpaUsers.failureWriter(em).update(k, now, f -> f.failed(now, Duration.ofMinutes(15), 2, Duration.ofHours(1))));
            }
            inTransaction(em -> JpaUsers.failureWriter(em).clearPrefix(account));
            LoginFailure first = read(em -> em.find(LoginFailure.class, account + "a".repeat(32)));
            LoginFailure second = read(em -> em.find(LoginFailure.class, account + "b".repeat(32)));
            LoginFailure another = read(em -> em.find(LoginFailure.class, other));
            assertThat(first).isNull();
            assertThat(second).isNull();
            assertThat(another).as("another account's key").isNotNull();
        }

        @Test
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
            // Nobody has decided yet: the three authentication columns are null, and so is the embedded value.
            assertThat(found.subject()).isNull();
            assertThat(found.authentication()).isNull();
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

            DeviceVerifications.Decider who = new DeviceVerifications.Decider("sub-1", new Authentication(now.minusSeconds(5), List.of("pwd"), "acr"));
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
            assertThat(redeemed.consumedAt()).isEqualTo(now);
            assertThat(redeemed.subject()).isEqualTo("sub-1");
            assertThat(redeemed.authentication()).isEqualTo(who.authentication());
            inTransaction(em -> JpaTokens.artifacts(em, clock).recordAccessToken(redeemed, new IssuedAccessToken("at", "jti-d", 300, Set.of())));
            DeviceCode linked = read(em -> em.find(DeviceCode.class, Secrets.sha256Hex(issued[0].deviceCode())));
            assertThat(linked.accessJti()).isEqualTo("jti-d");
            assertThat(linked.accessExpiresAt()).isEqualTo(now.plusSeconds(300));

            ReaperBatch batch = new ReaperBatch();
            inTransaction(em -> {
                batch.em = em;
                assertThat(batch.delete(new DeviceCodes.State(), redeemed.expiresAt().plusSeconds(1), 10)).isZero();
                assertThat(batch.delete(new DeviceCodes.State(), now.plus(Duration.ofMinutes(21)), 10)).isEqualTo(1);
            });
        }

        @Test
        void codesAndRefreshTokensKeepTheirGrantAreConsumedOnceAndRevokeWhatTheyIssued() {
            Instant now = Instant.parse("2026-08-01T09:00:00.123Z");
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            String id = UUID.randomUUID().toString();
            // Two methods, millisecond precision, a long claims request: what the shared columns must carry.
            SignIn signIn = new SignIn("sub-" + id, new Authentication(now.minusMillis(30_001), List.of("pwd", "otp"),
                    "urn:tessera:acr:password"), "sid-" + id.substring(0, 8));
            UserGrant grant = new UserGrant("grant-" + id.substring(0, 8), "web", signIn, Set.of("openid", "profile"),
                    List.of("https://api.example.com"), "{\"userinfo\":{\"email\":{\"essential\":true}},\"x\":\"" + "c".repeat(3000) + "\"}");
            String codeHash = Secrets.sha256Hex("code-" + id);
            inTransaction(em -> em.persist(AuthorizationCodeFixtures.stored(codeHash, grant, now)));

            AuthorizationCode code = read(em -> em.find(AuthorizationCode.class, codeHash));
            assertThat(code.userGrant()).isEqualTo(grant);
            assertThat(code.createdAt()).isEqualTo(now);
            assertThat(code.expiresAt()).isEqualTo(now.plusSeconds(60));
            assertThat(code.consumedAt()).isNull();
            boolean[] consumed = new boolean[2];
            inTransaction(em -> consumed[0] = JpaTokens.artifacts(em, clock).consume(AuthorizationCode.class, codeHash, now));
            inTransaction(em -> consumed[1] = JpaTokens.artifacts(em, clock).consume(AuthorizationCode.class, codeHash, now.plusSeconds(1)));
            assertThat(consumed).containsExactly(true, false);
            inTransaction(em -> JpaTokens.artifacts(em, clock).recordAccessToken(code, new IssuedAccessToken("at", "jti-c-" + id, 7200, Set.of())));
            AuthorizationCode redeemed = read(em -> em.find(AuthorizationCode.class, codeHash));
            assertThat(redeemed.consumedAt()).isEqualTo(now);
            assertThat(redeemed.accessJti()).isEqualTo("jti-c-" + id);
            assertThat(redeemed.accessExpiresAt()).isEqualTo(now.plusSeconds(7200));

            // The refresh token's columns have names of their own (token_hash, family_id, issued_at).
            RefreshGrant family = new RefreshGrant(grant, false, now.plus(Duration.ofHours(10)));
            String tokenHash = Secrets.sha256Hex("refresh-" + id);
            inTransaction(em -> em.persist(RefreshTokenFixtures.stored(tokenHash, family, now)));
            RefreshToken token = read(em -> em.find(RefreshToken.class, tokenHash));
            assertThat(token.grant()).isEqualTo(family);
            assertThat(token.createdAt()).isEqualTo(now);
            inTransaction(em -> JpaTokens.artifacts(em, clock).recordAccessToken(token, new IssuedAccessToken("at", "jti-r-" + id, 300, Set.of())));
            // The queries RefreshTokens runs: by session (logout) it finds the family, and revokes its access token until it expires.
            inTransaction(em -> JpaTokens.refreshTokens(em, clock).revokeSession(signIn.sid()));
            RefreshToken revoked = read(em -> em.find(RefreshToken.class, tokenHash));
            boolean listed = read(em -> JpaTokens.revocations(em, clock).isRevoked("jti-r-" + id));
            assertThat(revoked).isNull();
            assertThat(listed).isTrue();

            ReaperBatch batch = new ReaperBatch();
            inTransaction(em -> {
                batch.em = em;
                assertThat(batch.delete(new AuthorizationCodes.State(), now.plusSeconds(60), 10)).isZero();
                assertThat(batch.delete(new AuthorizationCodes.State(), now.plusSeconds(61), 10)).isEqualTo(1);
            });
        }

        @Test
        void aNodesCopyOfTheRevocationListAnswersFromMemoryAndCatchesUpOnReload() {
            Instant now = Instant.parse("2026-08-01T09:00:00Z");
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            String id = UUID.randomUUID().toString();
            inTransaction(em -> JpaTokens.revocations(em, clock).revoke("jti-a-" + id, now.plusSeconds(300)));
            inTransaction(em -> JpaTokens.revocations(em, clock).revoke("jti-gone-" + id, now.minusSeconds(1)));
            EntityManager node = emf().createEntityManager();
            try {
                RevokedJtis copy = JpaTokens.revokedJtis(node, clock);
                // Not loaded yet: a jti it does not hold is read from the database.
                assertThat(copy.isRevoked("jti-a-" + id)).isTrue();
                assertThat(JpaTokens.reload(copy)).isTrue();
                // Another node revokes and its announcement is lost: this copy, now complete, answers from memory and
                // misses it until its next reload (RevokedJtis.REFRESH bounds that), then has it.
                inTransaction(em -> JpaTokens.revocations(em, clock).revoke("jti-b-" + id, now.plusSeconds(300)));
                assertThat(copy.isRevoked("jti-a-" + id)).isTrue();
                assertThat(copy.isRevoked("jti-b-" + id)).isFalse();
                assertThat(JpaTokens.reload(copy)).isTrue();
                assertThat(copy.isRevoked("jti-b-" + id)).isTrue();
                // The entry of a token already expired is not loaded (its JWT is refused for its exp anyway).
                assertThat(copy.isRevoked("jti-gone-" + id)).isFalse();
            } finally {
                node.close();
            }
        }

        @Test
        void ssoSessionKeepsItsSignInAndIsFoundBySid() {
            Instant now = Instant.parse("2026-08-02T10:00:00.456Z");
            String subject = "sub-" + UUID.randomUUID();
            SessionService.Started[] started = new SessionService.Started[1];
            String agent = "Mozilla/5.0 (X11; Linux x86_64) " + "x".repeat(300);
            inTransaction(em -> started[0] = JpaSessions.service(em, Clock.fixed(now, ZoneOffset.UTC)).start(subject, List.of("pwd"),
                    "urn:tessera:acr:password", false, new SessionOrigin("2001:db8:0:0:0:0:0:1", agent)));
            String sid = started[0].session().sid();

            SsoSession found = read(em -> JpaSessions.service(em, Clock.fixed(now, ZoneOffset.UTC)).bySid(sid).orElse(null));
            assertThat(found).isNotNull();
            assertThat(found.signIn()).isEqualTo(new SignIn(subject, new Authentication(now, List.of("pwd"), "urn:tessera:acr:password"), sid));
            assertThat(found.signIn()).isEqualTo(started[0].session().signIn());
            assertThat(found.origin()).isEqualTo(new SessionOrigin("2001:db8:0:0:0:0:0:1", agent.substring(0, 255)));
            assertThat(found.lastActive()).isEqualTo(now);
        }

        /** Issue 19 point 5: "last active" and the idle expiry are written at most once a minute, not per request. */
        @Test
        void aSessionRecordsItsLastUseAtMostOnceAMinute() {
            Instant now = Instant.parse("2026-08-02T10:00:00.456Z");
            SessionService.Started[] started = new SessionService.Started[1];
            inTransaction(em -> started[0] = JpaSessions.service(em, Clock.fixed(now, ZoneOffset.UTC)).start("sub-" + UUID.randomUUID(),
                    List.of("pwd"), null, false, SessionOrigin.UNKNOWN));
            String cookie = started[0].cookieValue();
            String sid = started[0].session().sid();
            Instant idle = started[0].session().idleExpiresAt();

            inTransaction(em -> JpaSessions.service(em, Clock.fixed(now.plusSeconds(50), ZoneOffset.UTC)).current(cookie));
            SsoSession soon = read(em -> JpaSessions.service(em, Clock.systemUTC()).bySid(sid).orElseThrow());
            assertThat(soon.lastActive()).isEqualTo(now);
            assertThat(soon.idleExpiresAt()).isEqualTo(idle);
            assertThat(soon.origin()).isEqualTo(SessionOrigin.UNKNOWN);

            inTransaction(em -> JpaSessions.service(em, Clock.fixed(now.plusSeconds(61), ZoneOffset.UTC)).current(cookie));
            SsoSession later = read(em -> JpaSessions.service(em, Clock.systemUTC()).bySid(sid).orElseThrow());
            assertThat(later.lastActive()).isEqualTo(now.plusSeconds(61));
            assertThat(later.idleExpiresAt()).isEqualTo(idle.plusSeconds(61));
        }

        /** Issue 19: the queries that end sessions and remember their clients, on each database. */
        @Test
        void aSessionRemembersItsClientsOnceAndEndsExactlyOnceWithThem() {
            Instant now = Instant.parse("2026-08-02T10:00:00.456Z");
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            String subject = "sub-" + UUID.randomUUID();
            List<SessionEnded> ended = new ArrayList<>();
            SessionService.Started[] started = new SessionService.Started[2];
            inTransaction(em -> started[0] = JpaSessions.service(em, clock).start(subject, List.of("pwd"), null, false, SessionOrigin.UNKNOWN));
            inTransaction(em -> started[1] = JpaSessions.service(em, clock).start(subject, List.of("pwd"), null, false, SessionOrigin.UNKNOWN));
            String sid = started[0].session().sid();
            inTransaction(em -> JpaSessions.service(em, clock).join(sid, "app-a"));
            inTransaction(em -> JpaSessions.service(em, clock).join(sid, "app-b"));
            inTransaction(em -> JpaSessions.service(em, clock).join(sid, "app-a"));
            List<String> clients = read(em -> JpaSessions.service(em, clock).participants(sid));
            assertThat(clients).containsExactlyInAnyOrder("app-a", "app-b");

            inTransaction(em -> JpaSessions.service(em, clock, ended).end(started[0].cookieValue()));
            inTransaction(em -> JpaSessions.service(em, clock, ended).endOne(subject, sid, SessionEndReason.ADMIN, "admin"));
            assertThat(ended).singleElement().satisfies(e -> {
                assertThat(e.sid()).isEqualTo(sid);
                assertThat(e.clients()).containsExactlyInAnyOrder("app-a", "app-b");
                assertThat(e.reason()).isEqualTo(SessionEndReason.LOGOUT);
            });
            List<String> left = read(em -> JpaSessions.service(em, clock).participants(sid));
            assertThat(left).isEmpty();

            Clock later = Clock.fixed(now.plus(Duration.ofMinutes(31)), ZoneOffset.UTC);
            inTransaction(em -> JpaSessions.service(em, later, ended).endExpired(later.instant(), 1000));
            assertThat(ended).extracting(SessionEnded::sid).contains(started[1].session().sid());
            assertThat(ended).filteredOn(e -> e.subject().equals(subject)).extracting(SessionEnded::reason)
                    .containsExactly(SessionEndReason.LOGOUT, SessionEndReason.EXPIRED);
        }

        @Test
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
    }
}
