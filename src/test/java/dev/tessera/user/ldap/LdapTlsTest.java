package dev.tessera.user.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.util.ssl.SSLUtil;
import dev.tessera.user.LoginResult;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LDAPS and StartTLS against an in-memory directory with a certificate for 127.0.0.1 only (made by the JDK's
 * keytool): the configured trust store is used, the JVM's default trust refuses it, and a host name the
 * certificate does not name is refused (RFC 4513 §3.1.3).
 */
class LdapTlsTest {
    static final String STORE_PASSWORD = LdapTestTls.STORE_PASSWORD;
    static Path keyStore;
    static InMemoryDirectoryServer server;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("project.build.directory", "target")).toAbsolutePath(), "ldap-tls-");
        keyStore = LdapTestTls.keyStore(dir);
        SSLUtil serverTls = LdapTestTls.server(keyStore);
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(LdapTestServer.OPENLDAP_BASE);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, 0, serverTls.createSSLServerSocketFactory(), null),
                InMemoryListenerConfig.createLDAPConfig("starttls", loopback, 0, serverTls.createSSLSocketFactory()));
        server = new InMemoryDirectoryServer(config);
        try (InputStream in = LdapTlsTest.class.getClassLoader().getResourceAsStream("ldap/openldap.ldif")) {
            server.importFromLDIF(true, new LDIFReader(in));
        }
        server.startListening();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.shutDown(true);
        }
    }

    static Optional<LoginResult> login(String url, boolean startTls, Optional<String> trustStore) {
        LdapSettings base = LdapTestServer.openLdapSettings(url);
        LdapSettings settings = new LdapSettings(base.urls(), base.flavor(), base.bindDn(), base.bindPassword(), base.userBaseDn(),
                base.userFilter(), base.subjectAttribute(), base.claims(), base.groupBaseDn(), base.groupFilter(), base.groupNameAttribute(),
                base.nestedGroups(), base.groupMaxDepth(), base.groupMaxCount(), startTls, trustStore, STORE_PASSWORD,
                base.connectTimeout(), base.responseTimeout(), base.poolSize(), base.cacheTtl(), base.recheckOnRefresh());
        LdapConnections connections = new LdapConnections(settings);
        try {
            LdapDirectory ldap = new LdapDirectory(connections);
            return new LdapUserStore(settings, ldap, new LdapGroups(settings, ldap), Clock.systemUTC())
                    .authenticate("grace", LdapTestServer.PASSWORD);
        } finally {
            connections.close();
        }
    }

    static String url(String scheme, String host, String listener) {
        return scheme + "://" + host + ":" + server.getListenPort(listener);
    }

    @Test
    void ldapsWithTheConfiguredTrustStore() {
        ActiveDirectoryUserStoreTest.success(login(url("ldaps", "127.0.0.1", "ldaps"), false, Optional.of(keyStore.toString())));
    }

    @Test
    void startTlsWithTheConfiguredTrustStore() {
        ActiveDirectoryUserStoreTest.success(login(url("ldap", "127.0.0.1", "starttls"), true, Optional.of(keyStore.toString())));
    }

    @Test
    void anUntrustedCertificateOrAnotherHostNameIsRefused() {
        assertRefused(login(url("ldaps", "127.0.0.1", "ldaps"), false, Optional.empty()), "cannot be trusted");
        assertRefused(login(url("ldaps", "localhost", "ldaps"), false, Optional.of(keyStore.toString())), "Hostname verification failed");
        assertRefused(login(url("ldap", "localhost", "starttls"), true, Optional.of(keyStore.toString())), "Hostname verification failed");
    }

    static void assertRefused(Optional<LoginResult> result, String why) {
        LoginResult.Failure failure = ActiveDirectoryUserStoreTest.failure(result);
        assertThat(failure.reason()).isEqualTo(LoginResult.Reason.UNAVAILABLE);
        assertThat(failure.auditDetail()).contains(why);
    }
}
