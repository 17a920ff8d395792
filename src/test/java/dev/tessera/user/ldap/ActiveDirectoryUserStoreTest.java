package dev.tessera.user.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.tessera.user.LoginMessages;
import dev.tessera.user.LoginResult;
import dev.tessera.user.LoginResult.Reason;
import dev.tessera.user.PrincipalName;
import dev.tessera.user.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LdapUserStore against an in-memory directory shaped like Active Directory. */
class ActiveDirectoryUserStoreTest {
    static final String ADA_GUID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    static final String ADA_DN = "CN=Ada Lovelace,OU=People," + LdapTestServer.AD_BASE;
    static LdapTestServer directory;
    final Clock clock = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
    LdapConnections connections;

    @BeforeAll
    static void startDirectory() throws Exception {
        directory = LdapTestServer.activeDirectory(0);
        directory.emulateInChain(true);
    }

    @AfterAll
    static void stopDirectory() {
        directory.close();
    }

    @BeforeEach
    void reset() {
        directory.resetCounts();
    }

    @AfterEach
    void closePool() {
        if (connections != null) {
            connections.close();
        }
    }

    LdapUserStore store(LdapSettings settings) {
        connections = new LdapConnections(settings);
        LdapDirectory ldap = new LdapDirectory(connections);
        return new LdapUserStore(settings, ldap, new LdapGroups(settings, ldap), clock);
    }

    LdapUserStore store() {
        return store(LdapTestServer.adSettings(directory.url()));
    }

    static UserAccount success(Optional<LoginResult> result) {
        assertThat(result).isPresent();
        assertThat(result.get()).as(result.get().toString()).isInstanceOf(LoginResult.Success.class);
        return ((LoginResult.Success) result.get()).user();
    }

    static LoginResult.Failure failure(Optional<LoginResult> result) {
        assertThat(result).isPresent();
        assertThat(result.get()).as(result.get().toString()).isInstanceOf(LoginResult.Failure.class);
        return (LoginResult.Failure) result.get();
    }

    @Test
    void signsInBySamAccountNameWithObjectGuidAsSubjectAndMappedClaims() {
        UserAccount ada = success(store().authenticate("ada", LdapTestServer.PASSWORD));

        assertThat(ada.subject()).isEqualTo(ADA_GUID);
        assertThat(ada.username()).isEqualTo("ada");
        assertThat(ada.enabled()).isTrue();
        assertThat(ada.claims()).containsEntry("preferred_username", "ada").containsEntry("name", "Ada Lovelace")
                .containsEntry("given_name", "Ada").containsEntry("family_name", "Lovelace")
                .containsEntry("email", "ada@corp.example").containsEntry("phone_number", "+1 555 0100");
    }

    @Test
    void signsInByUserPrincipalNameInAnyCaseToTheSameSubject() {
        assertThat(success(store().authenticate("Ada@Corp.Example", LdapTestServer.PASSWORD)).subject()).isEqualTo(ADA_GUID);
    }

    @Test
    void aLoginCostsOneSearchOneBindAndOneGroupSearch() {
        LdapUserStore store = store();
        store.findByUsername("admin"); // opens the pool (its service bind) beforehand
        directory.resetCounts();

        success(store.authenticate("ada", LdapTestServer.PASSWORD));

        assertThat(directory.binds()).isEqualTo(1);
        assertThat(directory.searches()).isEqualTo(2);
    }

    @Test
    void nestedGroupsAreAskedWithTheInChainMatchingRuleForTheUsersDn() {
        UserAccount ada = success(store().authenticate("ada", LdapTestServer.PASSWORD));

        assertThat(directory.filters()).anySatisfy(f -> assertThat(f)
                .isEqualToIgnoringCase("(member:1.2.840.113556.1.4.1941:=" + ADA_DN + ")"));
        // The test server walks the chain as a domain controller would: Engineers is in Staff and Builders, both in
        // Everyone, which is in Staff again.
        assertThat(ada.groups()).containsExactlyInAnyOrder("Engineers", "Staff", "Builders", "Everyone");
    }

    @Test
    void withoutNestingGroupsComeFromMemberOfWithoutAnyGroupSearch() {
        LdapUserStore store = store(LdapTestServer.with(LdapTestServer.adSettings(directory.url()), Map.of("nestedGroups", false)));
        store.findByUsername("admin");
        directory.resetCounts();

        assertThat(success(store.authenticate("ada", LdapTestServer.PASSWORD)).groups()).containsExactly("Engineers");
        assertThat(directory.searches()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsInvalidCredentials() {
        LoginResult.Failure failure = failure(store().authenticate("ada", "not the password"));
        assertThat(failure.reason()).isEqualTo(Reason.INVALID_CREDENTIALS);
        assertThat(failure.messageKey()).isEqualTo(LoginMessages.INVALID);
        assertThat(failure.auditDetail()).contains(ADA_DN);
    }

    @Test
    void anUnknownNameIsLeftToTheNextStore() {
        assertThat(store().authenticate("nobody", LdapTestServer.PASSWORD)).isEmpty();
    }

    @Test
    void anEmptyPasswordIsRefusedWithoutAnyBind() {
        LdapUserStore store = store();
        store.findByUsername("admin");
        directory.resetCounts();

        LoginResult.Failure failure = failure(store.authenticate("ada", ""));

        assertThat(failure.reason()).isEqualTo(Reason.INVALID_CREDENTIALS);
        assertThat(failure.auditDetail()).contains("RFC 4513");
        assertThat(directory.binds()).isZero();
        assertThat(directory.searches()).isZero();
    }

    @Test
    void aDisabledAccountIsRefusedOnceThePasswordIsRight() {
        LoginResult.Failure failure = failure(store().authenticate("bob", LdapTestServer.PASSWORD));
        assertThat(failure.reason()).isEqualTo(Reason.DISABLED);
        assertThat(failure.messageKey()).isEqualTo(LoginMessages.DISABLED);
        assertThat(failure.auditDetail()).contains("ACCOUNTDISABLE", "Bob Disabled");

        assertThat(failure(store().authenticate("bob", "wrong")).reason()).isEqualTo(Reason.INVALID_CREDENTIALS);
    }

    @Test
    void mustChangePasswordLockedExpiredAndPasswordExpiredAccountsEachHaveTheirReason() {
        LdapUserStore store = store();
        LoginResult.Failure carol = failure(store.authenticate("carol", LdapTestServer.PASSWORD));
        LoginResult.Failure dave = failure(store.authenticate("dave", LdapTestServer.PASSWORD));
        LoginResult.Failure erin = failure(store.authenticate("erin", LdapTestServer.PASSWORD));
        LoginResult.Failure frank = failure(store.authenticate("frank", LdapTestServer.PASSWORD));

        assertThat(carol.reason()).isEqualTo(Reason.MUST_CHANGE_PASSWORD);
        assertThat(carol.messageKey()).isEqualTo(LoginMessages.MUST_CHANGE_PASSWORD);
        assertThat(carol.auditDetail()).contains("pwdLastSet=0");
        assertThat(dave.reason()).isEqualTo(Reason.LOCKED);
        assertThat(dave.messageKey()).isEqualTo(LoginMessages.ACCOUNT_LOCKED);
        assertThat(erin.reason()).isEqualTo(Reason.EXPIRED);
        assertThat(erin.messageKey()).isEqualTo(LoginMessages.EXPIRED);
        assertThat(erin.auditDetail()).contains("accountExpires", "2012-");
        assertThat(frank.reason()).isEqualTo(Reason.MUST_CHANGE_PASSWORD);
        assertThat(frank.messageKey()).isEqualTo(LoginMessages.PASSWORD_EXPIRED);
    }

    @Test
    void filterInjectionAttemptsMatchNobodyElse() {
        LdapUserStore store = store();
        for (String attack : new String[] {"*", "*)(uid=*", "*)(sAMAccountName=*", "admin)(|(userPassword=*", "ad*", "ada\u0000",
                "admin\u0000)(objectClass=*", "\\2a", "*))(|(objectClass=*"}) {
            assertThat(store.authenticate(attack, LdapTestServer.PASSWORD)).as(attack).isEmpty();
        }
        assertThat(directory.binds()).as("no bind for any of them").isLessThanOrEqualTo(1);
        assertThat(directory.filters()).anySatisfy(f -> assertThat(f).contains("admin\\29\\28|\\28userPassword=\\2a"));
    }

    @Test
    void findBySubjectSearchesByTheBinaryObjectGuid() {
        Optional<UserAccount> ada = store().findBySubject(ADA_GUID);

        assertThat(ada).map(UserAccount::username).hasValue("ada");
        assertThat(directory.filters()).anySatisfy(f -> assertThat(f).startsWith("(objectGUID=\\e0\\04\\25?\\89"));
        assertThat(store().findBySubject("not-a-uuid")).isEmpty();
        assertThat(store().findBySubject("00000000-0000-0000-0000-000000000000")).isEmpty();
    }

    @Test
    void aUserDisabledBetweenLoginAndRefreshIsReportedDisabledAtTheRecheck() throws Exception {
        LdapUserStore store = store();
        success(store.authenticate("ada", LdapTestServer.PASSWORD));
        try {
            directory.server().modify(ADA_DN, new Modification(ModificationType.REPLACE, "userAccountControl", "514"));

            assertThat(store.findBySubject(ADA_GUID)).as("cached within the TTL").map(UserAccount::enabled).hasValue(true);
            assertThat(store.recheck(ADA_GUID)).as("refresh bypasses the cache").map(UserAccount::enabled).hasValue(false);
            assertThat(store.findBySubject(ADA_GUID)).as("the recheck refreshed the cache").map(UserAccount::enabled).hasValue(false);
        } finally {
            directory.server().modify(ADA_DN, new Modification(ModificationType.REPLACE, "userAccountControl", "512"));
        }
    }

    @Test
    void aRenameKeepsTheSubject() throws Exception {
        LdapUserStore store = store();
        try {
            directory.server().modify(ADA_DN, new Modification(ModificationType.REPLACE, "sAMAccountName", "ada.byron"));
            UserAccount renamed = success(store.authenticate("ada.byron", LdapTestServer.PASSWORD));
            assertThat(renamed.subject()).isEqualTo(ADA_GUID);
            assertThat(renamed.claims()).containsEntry("preferred_username", "ada.byron");
        } finally {
            directory.server().modify(ADA_DN, new Modification(ModificationType.REPLACE, "sAMAccountName", "ada"));
        }
    }

    @Test
    void withRecheckOffTheRefreshUsesTheCacheWhileItIsFresh() throws Exception {
        LdapUserStore store = store(LdapTestServer.with(LdapTestServer.adSettings(directory.url()), Map.of("recheckOnRefresh", false)));
        success(store.authenticate("ada", LdapTestServer.PASSWORD));
        directory.resetCounts();

        assertThat(store.recheck(ADA_GUID)).map(UserAccount::enabled).hasValue(true);
        assertThat(directory.searches()).isZero();
    }

    @Test
    void failsOverToTheNextUrlWhenTheFirstServerIsDown() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        LdapUserStore store = store(LdapTestServer.adSettings("ldap://127.0.0.1:" + closed, directory.url()));

        assertThat(success(store.authenticate("ada", LdapTestServer.PASSWORD)).subject()).isEqualTo(ADA_GUID);
    }

    @Test
    void noServerAnsweringIsUnavailableNotAWrongPassword() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        LdapUserStore store = store(LdapTestServer.adSettings("ldap://127.0.0.1:" + closed));

        LoginResult.Failure failure = failure(store.authenticate("ada", LdapTestServer.PASSWORD));
        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.messageKey()).isEqualTo(LoginMessages.UNAVAILABLE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.recheck(ADA_GUID)).isInstanceOf(LdapUnavailableException.class);
    }

    @Test
    void cacheExpiresAfterItsTtl() {
        LdapSettings settings = LdapTestServer.with(LdapTestServer.adSettings(directory.url()), Map.of("cacheTtl", Duration.ZERO));
        LdapUserStore store = store(settings);
        success(store.authenticate("ada", LdapTestServer.PASSWORD));
        directory.resetCounts();

        store.findBySubject(ADA_GUID);

        assertThat(directory.searches()).isEqualTo(2);
    }

    @Test
    void aKerberosPrincipalFindsTheEntryByUserPrincipalNameWhateverTheRealmsCase() {
        LdapUserStore store = store();

        Optional<UserAccount> ada = store.findByPrincipal(PrincipalName.parse("ada@CORP.EXAMPLE").orElseThrow());
        assertThat(ada).hasValueSatisfying(a -> {
            assertThat(a.subject()).isEqualTo(ADA_GUID);
            assertThat(a.enabled()).isTrue();
        });
        assertThat(store.findByPrincipal(PrincipalName.parse("bob@CORP.EXAMPLE").orElseThrow()))
                .hasValueSatisfying(bob -> assertThat(bob.enabled()).as("userAccountControl 514").isFalse());
        assertThat(store.findByPrincipal(PrincipalName.parse("ada@OTHER.EXAMPLE").orElseThrow())).isEmpty();
        assertThat(store.findByPrincipal(PrincipalName.parse("*@CORP.EXAMPLE").orElseThrow())).as("escaped, no wildcard").isEmpty();
    }
}
