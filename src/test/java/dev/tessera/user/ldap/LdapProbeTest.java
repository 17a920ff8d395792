package dev.tessera.user.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class LdapProbeTest {
    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void oneOfTwoServersDownIsDegradedNoneIsDown() throws Exception {
        String closed = "ldap://127.0.0.1:" + closedPort();
        try (LdapTestServer directory = LdapTestServer.openLdap(0)) {
            LdapConnections two = new LdapConnections(LdapTestServer.openLdapSettings(closed, directory.url()));
            LdapConnections none = new LdapConnections(LdapTestServer.openLdapSettings(closed));
            try {
                LdapProbe.Result degraded = new LdapProbe(two, Clock.systemUTC()).probe();
                assertThat(degraded.answering()).isEqualTo(1);
                assertThat(degraded.total()).isEqualTo(2);
                assertThat(degraded.down()).singleElement().asString().startsWith(closed);

                assertThat(new LdapProbe(none, Clock.systemUTC()).probe().anyAnswering()).isFalse();
            } finally {
                two.close();
                none.close();
            }
        }
    }
}
