package dev.tessera.user.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import org.junit.jupiter.api.Test;

class LdapConnectionsTest {
    @Test
    void theBindConnectionGoesToTheServerThePoolUsesUnboundAndNotPooled() throws Exception {
        String closed = "ldap://127.0.0.1:" + LdapProbeTest.closedPort();
        try (LdapTestServer directory = LdapTestServer.openLdap(0)) {
            LdapConnections connections = new LdapConnections(LdapTestServer.openLdapSettings(closed, directory.url()));
            try (LDAPConnection bind = connections.connect()) {
                assertThat(bind.getConnectedPort()).isEqualTo(directory.port());
                assertThat(bind.getLastBindRequest()).as("not bound as the service account").isNull();
                assertThat(connections.pool().getConnectionPoolStatistics().getNumAvailableConnections()).isEqualTo(1);
            } finally {
                connections.close();
            }
        }
    }
}
