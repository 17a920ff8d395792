package dev.tessera.user;

import dev.tessera.audit.AuditEvent;
import dev.tessera.audit.AuditType;
import dev.tessera.audit.RecordingAuditLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.config.LoginSettings;
import dev.tessera.config.PasswordSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The directory over the local store, with in-memory users and counters and small Argon2 parameters. */
class DefaultUserDirectoryTest {
    final RecordingAuditLog audit = new RecordingAuditLog();
    static final Instant START = Instant.parse("2026-05-01T08:00:00Z");
    static final String IP = "203.0.113.7";
    static final String PASSWORD = "correct horse";

    private final MovingClock clock = new MovingClock(START);
    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemoryLoginFailures failures = new InMemoryLoginFailures();
    private final CountingHasher hasher = new CountingHasher(PasswordHasherTest.SMALL);
    private final JpaUserStore local = new JpaUserStore();
    private final DefaultUserDirectory directory = directory(local);

    /** Counts Argon2 verifications, real and dummy. */
    static final class CountingHasher extends PasswordHasher {
        int verifications;

        CountingHasher(PasswordSettings settings) {
            super(settings);
        }

        @Override
        public boolean verify(String password, String encoded) {
            verifications++;
            return super.verify(password, encoded);
        }
    }

    private DefaultUserDirectory directory(UserStore... stores) {
        local.repository = users;
        local.hasher = hasher;
        LoginThrottle throttle = new LoginThrottle();
        throttle.failures = failures;
        throttle.settings = new LoginSettings(3, 10, 10, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofDays(90));
        throttle.clock = clock;
        DefaultUserDirectory d = new DefaultUserDirectory();
        d.stores = new UserStores() {
            @Override
            public List<UserStore> ordered() {
                return List.of(stores);
            }
        };
        d.throttle = throttle;
        d.hasher = hasher;
        d.audit = audit;
        return d;
    }

    private User user(String username, String password) {
        User user = new User("sub-" + username, TestUsers.full(username), START);
        if (password != null) {
            user.password(hasher.hash(password), START);
        }
        users.persist(user);
        return user;
    }

    @Test
    void theRightPasswordLogsInWithClaimsAndAmrPwdWhateverTheUsernamesCase() {
        user("Alice", PASSWORD);

        LoginResult result = directory.authenticate("aLICE", PASSWORD, IP);

        assertThat(result).isInstanceOfSatisfying(LoginResult.Success.class, s -> {
            assertThat(s.user().subject()).isEqualTo("sub-Alice");
            assertThat(s.user().claims()).containsEntry("email", "alice@example.com");
            assertThat(s.amr()).containsExactly("pwd");
        });
        assertThat(audit.events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditType.LOGIN_SUCCEEDED);
            assertThat(e.subject()).isEqualTo("sub-Alice");
            assertThat(e.address()).isEqualTo(IP);
        });
    }

    @Test
    void unknownUserAndWrongPasswordAreToldTheSameAndCostOneVerificationEach() {
        user("alice", PASSWORD);

        hasher.verifications = 0;
        LoginResult.Failure unknown = failure(directory.authenticate("mallory", PASSWORD, IP));
        assertThat(hasher.verifications).isEqualTo(1);
        hasher.verifications = 0;
        LoginResult.Failure wrong = failure(directory.authenticate("alice", "wrong password", IP));
        assertThat(hasher.verifications).isEqualTo(1);

        assertThat(unknown.reason()).isEqualTo(wrong.reason()).isEqualTo(LoginResult.Reason.INVALID_CREDENTIALS);
        assertThat(unknown.messageKey()).isEqualTo(wrong.messageKey()).isEqualTo(LoginMessages.INVALID);
        assertThat(unknown.auditDetail()).isNotEqualTo(wrong.auditDetail());
        assertThat(audit.events).extracting(AuditEvent::type).containsExactly(AuditType.LOGIN_FAILED, AuditType.LOGIN_FAILED);
        assertThat(audit.events).allSatisfy(e -> assertThat(e.detail().toString()).doesNotContain(PASSWORD));
    }

    @Test
    void anAccountWithoutPasswordCannotLogInAndLooksLikeAWrongPassword() {
        user("nopass", null);

        LoginResult.Failure failure = failure(directory.authenticate("nopass", PASSWORD, IP));

        assertThat(failure.messageKey()).isEqualTo(LoginMessages.INVALID);
        assertThat(hasher.verifications).isEqualTo(1);
    }

    @Test
    void aDisabledAccountIsReportedOnlyToWhoeverKnowsThePassword() {
        user("alice", PASSWORD).enabled(false, START);

        assertThat(failure(directory.authenticate("alice", PASSWORD, IP)))
                .extracting(LoginResult.Failure::reason, LoginResult.Failure::messageKey)
                .containsExactly(LoginResult.Reason.DISABLED, LoginMessages.DISABLED);
        assertThat(failure(directory.authenticate("alice", "a wrong guess", IP)).messageKey()).isEqualTo(LoginMessages.INVALID);
    }

    @Test
    void afterTooManyFailuresEvenTheRightPasswordIsThrottledWithoutBeingChecked() {
        user("alice", PASSWORD);
        for (int i = 0; i < 3; i++) {
            directory.authenticate("alice", "guess " + i, IP);
        }
        hasher.verifications = 0;

        LoginResult.Failure throttled = failure(directory.authenticate("ALICE", PASSWORD, IP));

        assertThat(throttled.reason()).isEqualTo(LoginResult.Reason.THROTTLED);
        assertThat(throttled.messageKey()).isEqualTo(LoginMessages.THROTTLED);
        assertThat(hasher.verifications).isZero();

        clock.advance(Duration.ofMinutes(15));
        assertThat(directory.authenticate("alice", PASSWORD, IP)).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void unknownUsernamesAreThrottledExactlyLikeRealOnes() {
        for (int i = 0; i < 3; i++) {
            directory.authenticate("ghost", "guess " + i, IP);
        }

        assertThat(failure(directory.authenticate("ghost", "guess", IP)).reason()).isEqualTo(LoginResult.Reason.THROTTLED);
    }

    @Test
    void aSuccessfulLoginClearsTheUsernamesFailures() {
        user("alice", PASSWORD);
        directory.authenticate("alice", "guess 1", IP);
        directory.authenticate("alice", "guess 2", IP);

        directory.authenticate("alice", PASSWORD, IP);
        directory.authenticate("alice", "guess 3", IP);
        directory.authenticate("alice", "guess 4", IP);

        assertThat(directory.authenticate("alice", PASSWORD, IP)).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void aHashWeakerThanTodaysSettingsIsReplacedAtTheNextSuccessfulLogin() {
        User alice = user("alice", "placeholder");
        String weak = new PasswordHasher(new PasswordSettings(8, 32, 1, 1)).hash(PASSWORD);
        alice.password(weak, START);

        directory.authenticate("alice", "wrong password", IP);
        assertThat(alice.passwordHash()).as("no upgrade on a failed login").isEqualTo(weak);

        assertThat(directory.authenticate("alice", PASSWORD, IP)).isInstanceOf(LoginResult.Success.class);

        assertThat(users.rehashes).isEqualTo(1);
        assertThat(alice.passwordHash()).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(hasher.verify(PASSWORD, alice.passwordHash())).isTrue();
        assertThat(alice.passwordChangedAt()).isEqualTo(START);
        directory.authenticate("alice", PASSWORD, IP);
        assertThat(users.rehashes).as("done once").isEqualTo(1);
    }

    @Test
    void emptyCredentialsAndOverlongPasswordsAreInvalid() {
        user("alice", PASSWORD);

        assertThat(failure(directory.authenticate("", PASSWORD, IP)).messageKey()).isEqualTo(LoginMessages.INVALID);
        assertThat(failure(directory.authenticate("alice", "", IP)).messageKey()).isEqualTo(LoginMessages.INVALID);
        assertThat(failure(directory.authenticate(null, null, IP)).messageKey()).isEqualTo(LoginMessages.INVALID);
        assertThat(failure(directory.authenticate("alice", "x".repeat(257), IP)).messageKey()).isEqualTo(LoginMessages.INVALID);
    }

    @Test
    void aFailingStoreMeansUnavailableNotAWrongPassword() {
        UserStore broken = new FixedStore("broken", null) {
            @Override
            public Optional<LoginResult> authenticate(String username, String password) {
                throw new IllegalStateException("connection refused");
            }
        };

        LoginResult.Failure failure = failure(directory(broken).authenticate("alice", PASSWORD, IP));

        assertThat(failure.reason()).isEqualTo(LoginResult.Reason.UNAVAILABLE);
        assertThat(failure.messageKey()).isEqualTo(LoginMessages.UNAVAILABLE);
        assertThat(failures.rows).as("not counted as a failure").isEmpty();
    }

    @Test
    void theFirstStoreThatKnowsTheUsernameDecides() {
        user("alice", PASSWORD);
        UserAccount ldapAlice = new UserAccount("ldap-alice", "alice", true, Map.of(), List.of());
        DefaultUserDirectory ldapFirst = directory(new FixedStore("ldap", ldapAlice), local);
        DefaultUserDirectory localFirst = directory(local, new FixedStore("ldap", ldapAlice));

        assertThat(((LoginResult.Success) ldapFirst.authenticate("alice", "ldap password", IP)).user().subject()).isEqualTo("ldap-alice");
        assertThat(((LoginResult.Success) localFirst.authenticate("alice", PASSWORD, IP)).user().subject()).isEqualTo("sub-alice");
        assertThat(localFirst.findBySubject("ldap-alice")).contains(ldapAlice);
        assertThat(localFirst.findBySubject("sub-alice")).hasValueSatisfying(a -> assertThat(a.username()).isEqualTo("alice"));
        assertThat(localFirst.findBySubject("nobody")).isEmpty();
    }

    @Test
    void aFailingStoreDoesNotHideSubjectsOfTheNextButIsNeverTakenForADeletion() {
        user("alice", PASSWORD);
        UserStore down = new FixedStore("ldap", null) {
            @Override
            public Optional<UserAccount> findBySubject(String subject) {
                throw new IllegalStateException("directory down");
            }
        };
        DefaultUserDirectory ldapFirst = directory(down, local);

        assertThat(ldapFirst.findBySubject("sub-alice")).map(UserAccount::username).hasValue("alice");
        assertThat(ldapFirst.recheck("sub-alice")).map(UserAccount::username).hasValue("alice");
        assertThatThrownBy(() -> ldapFirst.findBySubject("ldap-someone")).hasMessage("directory down");
        assertThatThrownBy(() -> ldapFirst.recheck("ldap-someone")).hasMessage("directory down");
    }

    /** Issue 25 point 2: with ldap,local a local person's every request would otherwise cost a directory search. */
    @Test
    void aLocalSubjectIsNeverLookedUpInTheDirectoryListedBefore() {
        user("alice", PASSWORD);
        List<String> asked = new ArrayList<>();
        UserStore ldap = new FixedStore("ldap", null) {
            @Override
            public Optional<UserAccount> findBySubject(String subject) {
                asked.add(subject);
                return Optional.empty();
            }
        };
        DefaultUserDirectory ldapFirst = directory(ldap, local);

        assertThat(ldapFirst.findBySubject("sub-alice")).map(UserAccount::username).hasValue("alice");
        assertThat(ldapFirst.recheck("sub-alice")).isPresent();
        assertThat(asked).as("the directory was not asked for a local subject").isEmpty();
        assertThat(ldapFirst.findBySubject("ldap-someone")).isEmpty();
        assertThat(asked).containsExactly("ldap-someone");
    }

    @Test
    void storesAreOrderedByConfigurationAndAnUnknownNameIsRefused() {
        FixedStore ldap = new FixedStore("ldap", null);

        assertThat(UserStores.order(List.of(local, ldap), List.of("ldap", "local"))).containsExactly(ldap, local);
        assertThatThrownBy(() -> UserStores.order(List.of(local), List.of("local", "ldap")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tessera.users.stores").hasMessageContaining("ldap");
    }

    private static LoginResult.Failure failure(LoginResult result) {
        assertThat(result).isInstanceOf(LoginResult.Failure.class);
        return (LoginResult.Failure) result;
    }

    /** A store holding one account that accepts any password. */
    static class FixedStore implements UserStore {
        private final String id;
        private final UserAccount account;

        FixedStore(String id, UserAccount account) {
            this.id = id;
            this.account = account;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Optional<LoginResult> authenticate(String username, String password) {
            return findByUsername(username).map(a -> new LoginResult.Success(a, List.of("pwd")));
        }

        @Override
        public Optional<UserAccount> findBySubject(String subject) {
            return Optional.ofNullable(account).filter(a -> a.subject().equals(subject));
        }

        @Override
        public Optional<UserAccount> findByUsername(String username) {
            return Optional.ofNullable(account).filter(a -> a.username().equalsIgnoreCase(username));
        }
    }
}
