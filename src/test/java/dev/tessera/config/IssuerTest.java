package dev.tessera.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IssuerTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "https://sso.example.com?tenant=a",
        "https://sso.example.com/?",
        "https://sso.example.com#top",
        "https://sso.example.com/#",
        "https://admin:secret@sso.example.com",
        "https://admin@sso.example.com/",
    })
    void rejectsQueryFragmentAndUserInfo(String url) {
        assertThatThrownBy(() -> new Issuer(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ConfigKeys.ISSUER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://sso.example.com", "ws://sso.example.com", "HTTPS://sso.example.com",
        "sso.example.com", "/just/a/path", "urn:example:issuer"})
    void rejectsAnythingButAnHttpOrHttpsUrl(String url) {
        assertThatThrownBy(() -> new Issuer(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ConfigKeys.ISSUER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https:///path", "http://", "https://sso example.com", "https://[::1"})
    void rejectsUrlsWithoutAHostOrThatDoNotParse(String url) {
        assertThatThrownBy(() -> new Issuer(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ConfigKeys.ISSUER);
    }

    @Test
    void stripsTrailingSlashesSoEndpointsJoinCleanly() {
        assertThat(new Issuer("https://sso.example.com/").url()).isEqualTo("https://sso.example.com");
        assertThat(new Issuer("https://sso.example.com/tenant-a//").url()).isEqualTo("https://sso.example.com/tenant-a");
        assertThat(new Issuer("https://sso.example.com/tenant-a/").endpoint("/jwks"))
                .isEqualTo("https://sso.example.com/tenant-a/jwks");
        assertThat(new Issuer("http://localhost:8080").url()).isEqualTo("http://localhost:8080");
    }

    @Test
    void twoSpellingsOfTheSameIssuerAreEqual() {
        assertThat(new Issuer("https://sso.example.com/")).isEqualTo(new Issuer("https://sso.example.com"));
    }

    @Test
    void knowsWhetherItIsHttps() {
        assertThat(new Issuer("https://sso.example.com").isHttps()).isTrue();
        assertThat(new Issuer("http://sso.example.com").isHttps()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost", "http://localhost:8080/", "http://127.0.0.1:8080",
        "http://127.0.1.1", "http://[::1]:8080", "https://localhost"})
    void loopbackHostsAreRecognised(String url) {
        assertThat(new Issuer(url).isLoopback()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://sso.example.com", "http://10.0.0.1:8080", "http://localhost.example.com",
        "http://[2001:db8::1]", "http://0.0.0.0:8080", "http://127.example.com", "http://127.0.0.1.example.com"})
    void otherHostsAreNotLoopback(String url) {
        assertThat(new Issuer(url).isLoopback()).isFalse();
    }

    @Test
    void cookieNamesTakeTheStrongestPrefixTheirPathAllowsWithAnHttpsIssuer() {
        Issuer https = new Issuer("https://sso.example.com");
        assertThat(https.cookieName("tessera_flow_1", "/")).isEqualTo("__Host-tessera_flow_1");
        assertThat(https.cookieName("tessera_device_1", "/ui")).isEqualTo("__Secure-tessera_device_1");
        assertThat(new Issuer("http://localhost:8080").cookieName("tessera_flow_1", "/")).isEqualTo("tessera_flow_1");
    }
}
