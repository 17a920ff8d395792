package dev.tessera.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 9700 §4.1.3 exact string matching, with RFC 8252 §7.3's one exception: any port on a loopback IP
 * literal (127.0.0.1 or [::1]) over http. Nothing is normalised.
 */
class RedirectUriMatcherTest {
    static final Set<String> REGISTERED = Set.of("https://client.example.com/cb", "https://client.example.com:8443/cb?tenant=a",
            "http://127.0.0.1/cb", "http://127.0.0.1:5000/native", "http://[::1]/cb", "http://[::1]:7000/v6",
            "com.example.app:/oauth2redirect", "https://localhost/cb");

    @ParameterizedTest
    @ValueSource(strings = {"https://client.example.com/cb", "https://client.example.com:8443/cb?tenant=a", "http://127.0.0.1/cb",
            "http://127.0.0.1:5000/native", "http://[::1]/cb", "http://[::1]:7000/v6", "com.example.app:/oauth2redirect"})
    void everyRegisteredUriMatchesItself(String uri) {
        assertThat(RedirectUriMatcher.matches(uri, REGISTERED)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:53117/cb", "http://127.0.0.1:1/cb", "http://127.0.0.1:65535/cb",
            "http://127.0.0.1/native", "http://127.0.0.1:6000/native", "http://[::1]:53117/cb", "http://[::1]/v6", "http://[::1]:1/v6"})
    void aLoopbackIpRedirectUriMayNameAnyPort(String uri) {
        assertThat(RedirectUriMatcher.matches(uri, REGISTERED)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "http://localhost/cb, http://localhost:8080/cb",
            "http://localhost:8080/cb, http://localhost:9090/cb",
            "http://client.example.com/cb, http://client.example.com:8080/cb",
            "http://127.0.0.2/cb, http://127.0.0.2:8080/cb",
            "http://[0:0:0:0:0:0:0:1]/cb, http://[0:0:0:0:0:0:0:1]:8080/cb"})
    void noPortExceptionForLocalhostOrOtherHosts(String registered, String requested) {
        assertThat(RedirectUriMatcher.matches(requested, Set.of(registered))).isFalse();
        assertThat(RedirectUriMatcher.matches(registered, Set.of(registered))).isTrue();
    }

    @Test
    void theLoopbackPortExceptionDoesNotCrossAddresses() {
        assertThat(RedirectUriMatcher.matches("http://[::1]:5000/cb", Set.of("http://127.0.0.1/cb"))).isFalse();
        assertThat(RedirectUriMatcher.matches("http://127.0.0.1:5000/cb", Set.of("http://[::1]/cb"))).isFalse();
        assertThat(RedirectUriMatcher.matches("http://localhost:5000/cb", Set.of("http://127.0.0.1/cb"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://client.example.com:443/cb", "https://client.example.com:8443/cb", "https://client.example.com:8444/cb?tenant=a",
            "https://client.example.com/cb?tenant=a", "https://localhost:8443/cb", "https://127.0.0.1:443/cb", "https://127.0.0.1:8443/cb"})
    void httpsPortsNeverVary(String uri) {
        assertThat(RedirectUriMatcher.matches(uri, REGISTERED)).isFalse();
        assertThat(RedirectUriMatcher.matches(uri, Set.of("https://127.0.0.1/cb"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // path
            "https://client.example.com/cb/", "https://client.example.com/CB", "https://client.example.com/cb/../cb",
            "https://client.example.com/c%62", "https://client.example.com//cb", "http://127.0.0.1:5000/cb/", "http://127.0.0.1:5000/Cb",
            "http://127.0.0.1:5000/cb/../cb", "http://127.0.0.1:5000/c%62", "http://127.0.0.1:5000",
            // query
            "https://client.example.com/cb?x=1", "https://client.example.com/cb?", "https://client.example.com:8443/cb?tenant=b",
            "https://client.example.com:8443/cb?tenant=a&x=1", "http://127.0.0.1:5000/cb?x=1", "http://127.0.0.1/cb?",
            // case
            "HTTPS://client.example.com/cb", "https://Client.Example.com/cb", "HTTP://127.0.0.1/cb", "HTTP://127.0.0.1:5000/cb",
            "Com.Example.App:/oauth2redirect",
            // user info
            "https://user@client.example.com/cb", "http://user@127.0.0.1/cb", "http://user@127.0.0.1:5000/cb", "http://127.0.0.1:5000@evil.example/cb",
            // fragment
            "https://client.example.com/cb#", "https://client.example.com/cb#x", "http://127.0.0.1/cb#x", "http://127.0.0.1:5000/cb#x",
            // look-alikes and odd ports
            "http://127.0.0.1.evil.example/cb", "http://127.0.0.1:/cb", "http://127.0.0.1:05000/native", "http://127.0.0.1:5000:5000/cb",
            "https://client.example.com.evil.example/cb", "http://127.0.0.1:5000\\@evil.example/cb", "not a uri", ""})
    void anyOtherDifferenceNeverMatches(String uri) {
        assertThat(RedirectUriMatcher.matches(uri, REGISTERED)).isFalse();
    }

    @Test
    void nothingRegisteredMatchesNothing() {
        assertThat(RedirectUriMatcher.matches("http://127.0.0.1:5000/cb", Set.of())).isFalse();
        assertThat(RedirectUriMatcher.matches("https://client.example.com/cb", Set.of())).isFalse();
    }
}
