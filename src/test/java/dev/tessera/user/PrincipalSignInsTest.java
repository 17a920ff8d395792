package dev.tessera.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.audit.AuditType;
import dev.tessera.audit.RecordingAuditLog;
import dev.tessera.config.KerberosSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A verified Kerberos principal becomes a person through the stores: local-realm mapping, order, disabled, unknown. */
class PrincipalSignInsTest {
    static final Instant START = Instant.parse("2026-05-01T08:00:00Z");
    static final String IP = "10.1.2.3";

    final RecordingAuditLog audit = new RecordingAuditLog();
    final InMemoryUsers users = new InMemoryUsers();
    final JpaUserStore local = new JpaUserStore();

    PrincipalSignIns signIns(Optional<String> localRealm, UserStore... stores) {
        local.repository = users;
        local.kerberos = new KerberosSettings(Optional.of("/k"), "HTTP/sso.example.com@EXAMPLE.COM", Optional.empty(), List.of(),
                Optional.empty(), localRealm);
        PrincipalSignIns signIns = new PrincipalSignIns();
        signIns.audit = audit;
        signIns.stores = new UserStores() {
            @Override
            public List<UserStore> ordered() {
                return List.of(stores);
            }
        };
        return signIns;
    }

    User user(String username) {
        User user = new User("sub-" + username, TestUsers.full(username), START);
        users.persist(user);
        return user;
    }

    static PrincipalName name(String text) {
        return PrincipalName.parse(text).orElseThrow();
    }

    @Test
    void principalNamesParseAsNameAndRealm() {
        assertThat(name("ada@CORP.EXAMPLE")).isEqualTo(new PrincipalName("ada", "CORP.EXAMPLE"));
        assertThat(name("ada@CORP.EXAMPLE").singleComponent()).isTrue();
        assertThat(name("HTTP/sso.example.com@CORP.EXAMPLE").singleComponent()).isFalse();
        assertThat(name("ada@CORP.EXAMPLE")).hasToString("ada@CORP.EXAMPLE");
        assertThat(PrincipalName.parse("ada")).isEmpty();
        assertThat(PrincipalName.parse("@CORP.EXAMPLE")).isEmpty();
        assertThat(PrincipalName.parse("ada@")).isEmpty();
        assertThat(PrincipalName.parse("a@b@C")).isEmpty();
        assertThat(PrincipalName.parse("a\\@b@C")).isEmpty();
        assertThat(PrincipalName.parse(null)).isEmpty();
    }

    @Test
    void aPrincipalOfTheLocalRealmIsTheLocalUserOfThatNameWithAmrKerberos() {
        user("kurt");
        PrincipalSignIns signIns = signIns(Optional.of("EXAMPLE.COM"), local);

        LoginResult result = signIns.signIn(name("kurt@EXAMPLE.COM"), IP);

        assertThat(result).isInstanceOfSatisfying(LoginResult.Success.class, s -> {
            assertThat(s.user().subject()).isEqualTo("sub-kurt");
            assertThat(s.amr()).containsExactly("kerberos");
        });
        assertThat(audit.events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditType.LOGIN_SUCCEEDED);
            assertThat(e.subject()).isEqualTo("sub-kurt");
            assertThat(e.address()).isEqualTo(IP);
            assertThat(e.detail()).containsEntry("method", "kerberos").containsEntry("principal", "kurt@EXAMPLE.COM");
        });
    }

    @Test
    void anotherRealmATwoComponentNameOrNoLocalRealmMapsNoLocalUser() {
        user("kurt");

        assertThat(signIns(Optional.of("EXAMPLE.COM"), local).signIn(name("kurt@OTHER.EXAMPLE"), IP)).isInstanceOf(LoginResult.Failure.class);
        assertThat(signIns(Optional.of("EXAMPLE.COM"), local).signIn(name("kurt@example.com"), IP))
                .as("realms are case-sensitive").isInstanceOf(LoginResult.Failure.class);
        assertThat(signIns(Optional.of("EXAMPLE.COM"), local).signIn(name("kurt/admin@EXAMPLE.COM"), IP)).isInstanceOf(LoginResult.Failure.class);
        assertThat(signIns(Optional.empty(), local).signIn(name("kurt@EXAMPLE.COM"), IP)).isInstanceOf(LoginResult.Failure.class);
    }

    @Test
    void anUnknownPrincipalIsRefusedWithItsOwnMessageAndAudited() {
        LoginResult result = signIns(Optional.of("EXAMPLE.COM"), local).signIn(name("mallory@EXAMPLE.COM"), IP);

        assertThat(result).isInstanceOfSatisfying(LoginResult.Failure.class, f -> {
            assertThat(f.messageKey()).isEqualTo("login.error.kerberos-unknown");
            assertThat(f.reason()).isEqualTo(LoginResult.Reason.INVALID_CREDENTIALS);
        });
        assertThat(audit.events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditType.LOGIN_FAILED);
            assertThat(e.detail()).containsEntry("reason", "unknown_principal").containsEntry("principal", "mallory@EXAMPLE.COM");
        });
    }

    @Test
    void aDisabledAccountIsRefusedWithTheDisabledMessage() {
        user("kurt").enabled(false, START);

        LoginResult result = signIns(Optional.of("EXAMPLE.COM"), local).signIn(name("kurt@EXAMPLE.COM"), IP);

        assertThat(result).isInstanceOfSatisfying(LoginResult.Failure.class, f -> {
            assertThat(f.messageKey()).isEqualTo(LoginMessages.DISABLED);
            assertThat(f.reason()).isEqualTo(LoginResult.Reason.DISABLED);
        });
        assertThat(audit.events).singleElement().satisfies(e -> assertThat(e.detail()).containsEntry("reason", "disabled"));
    }

    /** A directory that knows one principal, and one that cannot be asked. */
    record Directory(String id, PrincipalName known, UserAccount account) implements UserStore {
        @Override
        public Optional<LoginResult> authenticate(String username, String password) {
            return Optional.empty();
        }

        @Override
        public Optional<UserAccount> findBySubject(String subject) {
            return Optional.empty();
        }

        @Override
        public Optional<UserAccount> findByUsername(String username) {
            return Optional.empty();
        }

        @Override
        public Optional<UserAccount> findByPrincipal(PrincipalName principal) {
            if (known == null) {
                throw new IllegalStateException("directory down");
            }
            return principal.equals(known) ? Optional.of(account) : Optional.empty();
        }
    }

    @Test
    void theFirstStoreInTheConfiguredOrderThatKnowsThePrincipalDecides() {
        user("ada");
        UserAccount directoryAda = new UserAccount("guid-ada", "ada", true, Map.of(), List.of());
        Directory ldap = new Directory("ldap", name("ada@EXAMPLE.COM"), directoryAda);

        assertThat(signIns(Optional.of("EXAMPLE.COM"), ldap, local).signIn(name("ada@EXAMPLE.COM"), IP))
                .isInstanceOfSatisfying(LoginResult.Success.class, s -> assertThat(s.user().subject()).isEqualTo("guid-ada"));
        assertThat(signIns(Optional.of("EXAMPLE.COM"), local, ldap).signIn(name("ada@EXAMPLE.COM"), IP))
                .isInstanceOfSatisfying(LoginResult.Success.class, s -> assertThat(s.user().subject()).isEqualTo("sub-ada"));
    }

    @Test
    void aStoreThatCannotBeAskedEndsInUnavailableNotInAnError() {
        LoginResult result = signIns(Optional.empty(), new Directory("ldap", null, null)).signIn(name("ada@EXAMPLE.COM"), IP);

        assertThat(result).isInstanceOfSatisfying(LoginResult.Failure.class, f -> assertThat(f.reason()).isEqualTo(LoginResult.Reason.UNAVAILABLE));
        assertThat(audit.events).singleElement().satisfies(e -> assertThat(e.detail()).containsEntry("reason", "unavailable"));
    }

    @Test
    void aRefusedTicketIsAuditedAsAFailedKerberosLogin() {
        signIns(Optional.empty(), local).refused("replay", "Request is a replay (34)", IP);

        assertThat(audit.events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditType.LOGIN_FAILED);
            assertThat(e.detail()).containsEntry("method", "kerberos").containsEntry("reason", "replay");
        });
    }
}
