package dev.tessera.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who the client is behind trusted proxies (RFC 7239, X-Forwarded-For), and that nobody else is believed. */
class ForwardedChainTest {
    private static final IpBlocks PROXIES = IpBlocks.parse(List.of("10.0.0.0/8"));

    private static ForwardedChain.Resolved resolve(String peer, List<String> forwarded, List<String> xff, List<String> proto) {
        return ForwardedChain.resolve(peer, PROXIES, forwarded, xff, proto);
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItsHeadersSay() {
        ForwardedChain.Resolved r = resolve("198.51.100.9", List.of("for=203.0.113.1;proto=https"), List.of("203.0.113.2"), List.of("https"));
        assertThat(r.address()).isEqualTo("198.51.100.9");
        assertThat(r.viaTrustedProxy()).isFalse();
        assertThat(r.tls()).isNull();
    }

    @Test
    void behindATrustedProxyTheForwardedClientCounts() {
        ForwardedChain.Resolved r = resolve("10.0.0.5", List.of("for=203.0.113.7;proto=https;by=10.0.0.5"), List.of(), List.of());
        assertThat(r.address()).isEqualTo("203.0.113.7");
        assertThat(r.viaTrustedProxy()).isTrue();
        assertThat(r.tls()).isTrue();
    }

    @Test
    void aClientCannotChooseItsAddressByPrependingHops() {
        // The client sent "X-Forwarded-For: 1.2.3.4"; the trusted proxy appended the address it saw.
        ForwardedChain.Resolved r = resolve("10.0.0.5", List.of(), List.of("1.2.3.4, 203.0.113.7"), List.of("https"));
        assertThat(r.address()).isEqualTo("203.0.113.7");
        assertThat(r.tls()).isTrue();
    }

    @Test
    void severalTrustedProxiesAreWalkedThroughFromTheNearest() {
        ForwardedChain.Resolved r = resolve("10.0.0.5", List.of("for=203.0.113.7;proto=https", "for=10.1.1.1;proto=http"), List.of(),
                List.of());
        assertThat(r.address()).isEqualTo("203.0.113.7");
        assertThat(r.tls()).as("the scheme the client used to reach the outermost trusted proxy").isTrue();
    }

    @Test
    void forwardedWinsOverXForwardedForAndMultipleLinesAreOneList() {
        ForwardedChain.Resolved r = resolve("10.0.0.5", List.of("for=192.0.2.60", "for=\"[2001:db8:cafe::17]:4711\""),
                List.of("198.51.100.1"), List.of());
        assertThat(r.address()).isEqualTo("2001:db8:cafe::17");
    }

    @Test
    void portsAreDroppedAndUnknownOrObfuscatedHopsStopTheWalk() {
        assertThat(resolve("10.0.0.5", List.of(), List.of("203.0.113.7:51234"), List.of()).address()).isEqualTo("203.0.113.7");
        assertThat(resolve("10.0.0.5", List.of("for=unknown"), List.of(), List.of()).address()).isEqualTo("10.0.0.5");
        assertThat(resolve("10.0.0.5", List.of("for=_gazonk, for=10.2.2.2"), List.of(), List.of()).address()).isEqualTo("10.2.2.2");
        assertThat(resolve("10.0.0.5", List.of("for=evil.example.com"), List.of(), List.of()).address()).isEqualTo("10.0.0.5");
    }

    @Test
    void aTrustedProxyWithoutHeadersIsItselfTheClient() {
        ForwardedChain.Resolved r = resolve("10.0.0.5", List.of(), List.of(), List.of());
        assertThat(r.address()).isEqualTo("10.0.0.5");
        assertThat(r.tls()).isNull();
    }
}
