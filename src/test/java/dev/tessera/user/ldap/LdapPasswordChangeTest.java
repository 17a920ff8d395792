package dev.tessera.user.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.user.DirectoryPasswords.Outcome;
import dev.tessera.user.LoginResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 point 5: a directory person changes their own password, bound as themselves. OpenLDAP-shaped: the Password
 * Modify extended operation (RFC 3062) of the in-memory server. AD-shaped: the unicodePwd delete-and-add, which the
 * in-memory server performs as a domain controller would ({@link AdPasswordChanges}), over StartTLS, and which is
 * refused before anything is sent over an unencrypted connection.
 */
class LdapPasswordChangeTest {
    static final String NEXT = "violet harbour seventy kites";
    static LdapTestServer openLdap;
    static LdapTestServer ad;
    static Path trustStore;
    final List<LdapConnections> opened = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        openLdap = LdapTestServer.openLdap(0);
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("project.build.directory", "target")).toAbsolutePath(), "ldap-pwd-");
        trustStore = LdapTestTls.keyStore(dir);
        ad = LdapTestServer.activeDirectory(0, LdapTestTls.server(trustStore));
        ad.emulateInChain(true);
    }

    @AfterAll
    static void stop() {
        openLdap.close();
        ad.close();
    }

    @AfterEach
    void close() {
        opened.forEach(LdapConnections::close);
    }

    record Setup(LdapUserStore store, LdapPasswordChange change) {
        String subject(String username, String password) {
            return ((LoginResult.Success) store.authenticate(username, password).orElseThrow()).user().subject();
        }

        boolean signsIn(String username, String password) {
            return store.authenticate(username, password).orElseThrow() instanceof LoginResult.Success;
        }
    }

    Setup setup(LdapSettings settings) {
        LdapConnections connections = new LdapConnections(settings);
        opened.add(connections);
        LdapDirectory ldap = new LdapDirectory(connections);
        LdapUserStore store = new LdapUserStore(settings, ldap, new LdapGroups(settings, ldap), Clock.systemUTC());
        return new Setup(store, new LdapPasswordChange(settings, store, ldap));
    }

    static LdapSettings startTls(LdapSettings s) {
        return new LdapSettings(s.urls(), s.flavor(), s.bindDn(), s.bindPassword(), s.userBaseDn(), s.userFilter(), s.subjectAttribute(),
                s.claims(), s.groupBaseDn(), s.groupFilter(), s.groupNameAttribute(), s.nestedGroups(), s.groupMaxDepth(), s.groupMaxCount(),
                true, Optional.of(trustStore.toString()), LdapTestTls.STORE_PASSWORD, s.connectTimeout(), s.responseTimeout(),
                s.poolSize(), s.cacheTtl(), s.recheckOnRefresh());
    }

    @Test
    void anOpenLdapPersonChangesTheirPasswordWithPasswordModifyAndOnlyTheNewOneSignsIn() {
        Setup s = setup(LdapTestServer.openLdapSettings(openLdap.url()));
        String grace = s.subject("grace", LdapTestServer.PASSWORD);

        assertThat(s.change().change(grace, "not my password", NEXT)).isEqualTo(Outcome.WRONG_CURRENT);
        assertThat(s.change().change(grace, LdapTestServer.PASSWORD, NEXT)).isEqualTo(Outcome.CHANGED);

        assertThat(s.signsIn("grace", NEXT)).isTrue();
        assertThat(s.signsIn("grace", LdapTestServer.PASSWORD)).isFalse();
        assertThat(s.change().change("no-such-subject", NEXT, LdapTestServer.PASSWORD)).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void anActiveDirectoryPersonChangesUnicodePwdOverStartTlsAndThePolicyIsTheDirectorys() {
        Setup s = setup(startTls(LdapTestServer.adSettings(ad.url())));
        String ada = s.subject("ada", LdapTestServer.PASSWORD);

        assertThat(s.change().change(ada, LdapTestServer.PASSWORD, "short1")).as("AD's 52D").isEqualTo(Outcome.REFUSED);
        assertThat(s.change().change(ada, "not my password", NEXT)).isEqualTo(Outcome.WRONG_CURRENT);
        assertThat(s.signsIn("ada", LdapTestServer.PASSWORD)).as("nothing changed so far").isTrue();

        assertThat(s.change().change(ada, LdapTestServer.PASSWORD, NEXT)).isEqualTo(Outcome.CHANGED);
        assertThat(s.signsIn("ada", NEXT)).isTrue();
        assertThat(s.signsIn("ada", LdapTestServer.PASSWORD)).isFalse();
        assertThat(s.change().change(ada, NEXT, LdapTestServer.PASSWORD)).as("and back, for the other tests").isEqualTo(Outcome.CHANGED);
    }

    @Test
    void activeDirectoryWithoutEncryptionIsRefusedBeforeAnythingIsSent() {
        Setup s = setup(LdapTestServer.adSettings(ad.url()));
        String ada = s.subject("ada", LdapTestServer.PASSWORD);
        ad.resetCounts();

        assertThat(s.change().change(ada, LdapTestServer.PASSWORD, NEXT)).isEqualTo(Outcome.NOT_ENCRYPTED);
        assertThat(ad.binds()).as("not even the person's bind went out in clear").isZero();
        assertThat(s.signsIn("ada", LdapTestServer.PASSWORD)).isTrue();
    }

    @Test
    void aDirectoryThatCannotBeReachedIsUnavailableNeverAnError() {
        Setup s = setup(LdapTestServer.openLdapSettings("ldap://127.0.0.1:1"));
        assertThat(s.change().change("7a1e2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b", LdapTestServer.PASSWORD, NEXT)).isEqualTo(Outcome.UNAVAILABLE);
    }

    @Test
    void unicodePwdIsTheQuotedPasswordInUtf16LittleEndian() {
        assertThat(LdapPasswords.quotedUtf16("Ab1")).containsExactly('"', 0, 'A', 0, 'b', 0, '1', 0, '"', 0);
    }
}
