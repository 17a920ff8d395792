package dev.tessera.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpBlocksTest {
    private final IpBlocks blocks = IpBlocks.parse(List.of("10.0.0.0/8", " 192.168.1.5 ", "172.16.0.0/12", "2001:db8::/32", "127.0.0.2/32"));

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "10.255.255.255", "192.168.1.5", "172.31.0.9", "2001:db8::1", "[2001:db8:0:1::5]",
        "127.0.0.2", "::ffff:10.1.2.3"})
    void addressesInsideABlockAreTrusted(String address) {
        assertThat(blocks.contains(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"11.0.0.1", "192.168.1.6", "172.32.0.1", "2001:db9::1", "127.0.0.1", "::1", "", "unknown",
        "localhost", "example.com", "10.0.0.1.example.com", "_hidden", "999.1.1.1"})
    void everythingElseIsNot(String address) {
        assertThat(blocks.contains(address)).isFalse();
    }

    @Test
    void anEmptyListTrustsNobody() {
        assertThat(IpBlocks.none().contains("127.0.0.1")).isFalse();
        assertThat(IpBlocks.parse(List.of()).isEmpty()).isTrue();
    }

    @Test
    void aPrefixThatIsNotAWholeByteCountsBits() {
        IpBlocks odd = IpBlocks.parse(List.of("192.0.2.64/26"));
        assertThat(odd.contains("192.0.2.64")).isTrue();
        assertThat(odd.contains("192.0.2.127")).isTrue();
        assertThat(odd.contains("192.0.2.63")).isFalse();
        assertThat(odd.contains("192.0.2.128")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "2001:db8::/129", "10.0.0"})
    void hostNamesAndBadPrefixesAreRefusedWithTheEntryNamed(String entry) {
        assertThatThrownBy(() -> IpBlocks.parse(List.of(entry))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(entry);
    }
}
