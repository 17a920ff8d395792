package dev.tessera.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Origins serialised as browsers do (what MessageEvent.origin and CSP source lists carry). */
class WebOriginTest {

    @ParameterizedTest
    @CsvSource({
        "https://rp.example.com/cb?x=1, https://rp.example.com",
        "HTTPS://RP.Example.com:443/cb, https://rp.example.com",
        "https://rp.example.com:8443/cb, https://rp.example.com:8443",
        "http://127.0.0.1:80/cb, http://127.0.0.1",
        "http://127.0.0.1:9000/cb, http://127.0.0.1:9000",
        "http://[::1]:9000/cb, http://[::1]:9000"})
    void defaultPortsDropAndCaseFolds(String uri, String origin) {
        assertThat(WebOrigin.of(uri)).hasValue(origin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.app:/cb", "urn:x:y", "https:///nohost", "ftp://example.com/x", "not a uri"})
    void urisWithoutAWebOriginHaveNone(String uri) {
        assertThat(WebOrigin.of(uri)).isEmpty();
    }
}
