package dev.tessera.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.config.KerberosSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who is offered Negotiate: configured, and inside tessera.kerberos.networks, nobody else. */
class NegotiateGateTest {
    static KerberosSettings settings(Optional<String> keytab, List<String> networks) {
        return new KerberosSettings(keytab, keytab.isPresent() ? "HTTP/sso.example.com@EXAMPLE.COM" : "", Optional.empty(), networks,
                Optional.empty(), Optional.empty());
    }

    @Test
    void clientsInsideTheNetworksAreOfferedNegotiateAndOthersAreNot() {
        NegotiateGate gate = new NegotiateGate(settings(Optional.of("/etc/tessera/http.keytab"), List.of("10.0.0.0/8", "192.168.1.17", "2001:db8::/32")));

        assertThat(gate.open()).isTrue();
        assertThat(gate.offeredTo("10.20.30.40")).isTrue();
        assertThat(gate.offeredTo("192.168.1.17")).isTrue();
        assertThat(gate.offeredTo("2001:db8::1")).isTrue();
        assertThat(gate.offeredTo("192.168.1.18")).isFalse();
        assertThat(gate.offeredTo("11.0.0.1")).isFalse();
        assertThat(gate.offeredTo("2001:db9::1")).isFalse();
        assertThat(gate.offeredTo("sso.example.com")).as("names are never resolved").isFalse();
        assertThat(gate.offeredTo(null)).isFalse();
    }

    @Test
    void withoutAKeytabNobodyIsOfferedNegotiateWhateverTheNetworks() {
        NegotiateGate gate = new NegotiateGate(settings(Optional.empty(), List.of("0.0.0.0/0", "::/0")));

        assertThat(gate.open()).isFalse();
        assertThat(gate.offeredTo("10.0.0.1")).isFalse();
    }

    @Test
    void withoutNetworksNobodyIsOfferedNegotiate() {
        NegotiateGate gate = new NegotiateGate(settings(Optional.of("/etc/tessera/http.keytab"), List.of()));

        assertThat(gate.open()).isFalse();
        assertThat(gate.offeredTo("127.0.0.1")).isFalse();
    }

    @Test
    void aNetworkThatIsNotACidrBlockIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new NegotiateGate(settings(Optional.of("/k"), List.of("intranet.example.com"))))
                .hasMessageContaining("tessera.kerberos.networks").hasMessageContaining("intranet.example.com");
        assertThatThrownBy(() -> new NegotiateGate(settings(Optional.of("/k"), List.of("10.0.0.0/33"))))
                .hasMessageContaining("tessera.kerberos.networks");
    }

    @Test
    void aKeytabWithoutItsPrincipalIsAProblemNamingTheKeyButNotAnErrorForTheOtherReaders() {
        KerberosSettings settings = new KerberosSettings(Optional.of("/k"), " ", Optional.empty(), List.of(), Optional.empty(), Optional.empty());
        assertThat(settings.problem()).hasValueSatisfying(p -> assertThat(p).contains("tessera.kerberos.principal"));
        assertThat(settings(Optional.of("/k"), List.of()).problem()).isEmpty();
        assertThat(KerberosSettings.off().problem()).isEmpty();
    }
}
