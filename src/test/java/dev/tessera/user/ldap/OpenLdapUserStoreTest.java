package dev.tessera.user.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.tessera.user.LoginResult;
import dev.tessera.user.UserAccount;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LdapUserStore against an in-memory directory shaped like OpenLDAP: uid, entryUUID, nested groupOfNames. */
class OpenLdapUserStoreTest {
    static final String GRACE_UUID = "7a1e2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b";
    static LdapTestServer directory;
    final Clock clock = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
    LdapConnections connections;

    @BeforeAll
    static void startDirectory() throws Exception {
        directory = LdapTestServer.openLdap(0);
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
        return store(LdapTestServer.openLdapSettings(directory.url()));
    }

    @Test
    void signsInByUidWithEntryUuidAsSubject() {
        UserAccount grace = ActiveDirectoryUserStoreTest.success(store().authenticate("grace", LdapTestServer.PASSWORD));

        assertThat(grace.subject()).isEqualTo(GRACE_UUID);
        assertThat(grace.claims()).containsEntry("preferred_username", "grace").containsEntry("name", "Grace Hopper")
                .containsEntry("email", "grace@example.org").doesNotContainKey("email_verified");
    }

    @Test
    void nestedGroupsAreExpandedOncePerGroupThroughSeveralParentsAndACycle() {
        UserAccount grace = ActiveDirectoryUserStoreTest.success(store().authenticate("grace", LdapTestServer.PASSWORD));

        assertThat(grace.groups()).containsExactlyInAnyOrder("developers", "engineering", "staff", "everyone");
        // one search for the user, then one per level: developers; engineering+staff; everyone; staff again (seen), stop
        assertThat(directory.searches()).isLessThanOrEqualTo(1 + 4);
    }

    @Test
    void expansionStopsAtTheDepthAndCountLimits() {
        LdapSettings shallow = LdapTestServer.with(LdapTestServer.openLdapSettings(directory.url()), Map.of("groupMaxDepth", 1));
        assertThat(store(shallow).findBySubject(GRACE_UUID)).map(UserAccount::groups).hasValue(List.of("developers"));

        LdapSettings few = LdapTestServer.with(LdapTestServer.openLdapSettings(directory.url()), Map.of("groupMaxCount", 2));
        assertThat(store(few).findBySubject(GRACE_UUID)).map(u -> u.groups().size()).hasValue(2);
    }

    @Test
    void withoutNestingOnlyDirectGroups() {
        LdapSettings direct = LdapTestServer.with(LdapTestServer.openLdapSettings(directory.url()), Map.of("nestedGroups", false));
        assertThat(store(direct).findBySubject(GRACE_UUID)).map(UserAccount::groups).hasValue(List.of("developers"));
    }

    @Test
    void aUserInManyGroupsGetsThemAll() throws Exception {
        String alanDn = "uid=alan,ou=people," + LdapTestServer.OPENLDAP_BASE;
        List<String> added = new ArrayList<>();
        try {
            for (int i = 0; i < 120; i++) {
                String dn = "cn=project-" + i + ",ou=groups," + LdapTestServer.OPENLDAP_BASE;
                directory.server().add(new AddRequest(dn, new Attribute("objectClass", "top", "groupOfNames"),
                        new Attribute("cn", "project-" + i), new Attribute("member", alanDn)));
                added.add(dn);
            }
            UserAccount alan = ActiveDirectoryUserStoreTest.success(store().authenticate("alan", LdapTestServer.PASSWORD));
            assertThat(alan.groups()).hasSize(120 + 2).contains("project-0", "project-119", "staff", "everyone");
        } finally {
            for (String dn : added) {
                directory.server().delete(dn);
            }
        }
    }

    @Test
    void injectionAttemptsMatchNobodyElse() {
        LdapUserStore store = store();
        for (String attack : new String[] {"*", "*)(uid=*", "admin)(|(userPassword=*", "gr*", "grace\u0000", "grace)(uid=alan"}) {
            assertThat(store.authenticate(attack, "admin secret")).as(attack).isEmpty();
            assertThat(store.authenticate(attack, LdapTestServer.PASSWORD)).as(attack).isEmpty();
        }
        assertThat(directory.filters()).contains("(&(objectClass=inetOrgPerson)(uid=\\2a\\29\\28uid=\\2a))");
    }

    @Test
    void aWrongPasswordIsInvalidCredentials() {
        Optional<LoginResult> result = store().authenticate("grace", "nope");
        assertThat(ActiveDirectoryUserStoreTest.failure(result).reason()).isEqualTo(LoginResult.Reason.INVALID_CREDENTIALS);
    }

    @Test
    void findBySubjectSearchesByEntryUuidAndSeesAttributeChanges() throws Exception {
        String dn = "uid=grace,ou=people," + LdapTestServer.OPENLDAP_BASE;
        try {
            directory.server().modify(dn, new Modification(ModificationType.REPLACE, "mail", "rear.admiral@example.org"));
            assertThat(store().recheck(GRACE_UUID)).map(u -> u.claims().get("email")).hasValue("rear.admiral@example.org");
            assertThat(directory.filters()).contains("(entryUUID=" + GRACE_UUID + ")");
        } finally {
            directory.server().modify(dn, new Modification(ModificationType.REPLACE, "mail", "grace@example.org"));
        }
    }
}
