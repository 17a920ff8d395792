package dev.tessera.user.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.user.LoginResult;
import dev.tessera.user.UserAccount;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generic flavor against a real OpenLDAP (Debian's slapd, started by the test; skipped where it is not
 * installed): what an in-memory server could get wrong for us, such as entryUUID handling, the real bind
 * rules, and paged results whose cookie is bound to its connection.
 */
class SlapdUserStoreTest {
    static Slapd slapd;
    LdapConnections connections;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Slapd.available(), "slapd is not installed (apt-get install slapd)");
        slapd = Slapd.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (slapd != null) {
            slapd.close();
        }
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
        return new LdapUserStore(settings, ldap, new LdapGroups(settings, ldap), Clock.systemUTC());
    }

    @Test
    void signsInWithEntryUuidAsSubjectAndNestedGroups() {
        LdapUserStore store = store(LdapTestServer.openLdapSettings(slapd.url()));
        UserAccount grace = ActiveDirectoryUserStoreTest.success(store.authenticate("grace", LdapTestServer.PASSWORD));

        assertThat(grace.subject()).isEqualTo(OpenLdapUserStoreTest.GRACE_UUID);
        assertThat(grace.groups()).containsExactlyInAnyOrder("developers", "engineering", "staff", "everyone");
        assertThat(store.recheck(grace.subject())).map(UserAccount::username).hasValue("grace");
    }

    @Test
    void wrongPasswordsAndInjectionAttemptsFail() {
        LdapUserStore store = store(LdapTestServer.openLdapSettings(slapd.url()));
        assertThat(ActiveDirectoryUserStoreTest.failure(store.authenticate("grace", "nope")).reason())
                .isEqualTo(LoginResult.Reason.INVALID_CREDENTIALS);
        for (String attack : new String[] {"*", "*)(uid=*", "admin)(|(userPassword=*", "grace\u0000"}) {
            assertThat(store.authenticate(attack, LdapTestServer.PASSWORD)).as(attack).isEmpty();
        }
    }

    @Test
    void pagesThroughUsersOnOneConnection() {
        LdapSettings settings = LdapTestServer.openLdapSettings(slapd.url());
        store(settings);
        LdapUserSearch search = new LdapUserSearch(settings, LdapTuning.defaults(), new LdapDirectory(connections),
                new LdapPagingCookies(LdapTuning.defaults()), Clock.systemUTC());
        List<String> names = new ArrayList<>();
        String cookie = null;
        int pages = 0;
        do {
            LdapUserSearch.Page page = search.search("", 1, cookie);
            page.users().forEach(u -> names.add(u.username()));
            cookie = page.cookie().orElse(null);
            pages++;
        } while (cookie != null && pages < 10);

        assertThat(names).containsExactlyInAnyOrder("grace", "alan", "admin");
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }
}
