package dev.tessera.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogoutUriRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com/logout", "https://app.example.com:8443/bc?tenant=1", "http://127.0.0.1:9000/bc",
        "http://[::1]/bc"})
    void httpsAndLoopbackHttpAreAccepted(String uri) {
        assertThat(LogoutUriRules.refusal("backchannel_logout_uri", uri)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://app.example.com/bc|https URL",
        "http://localhost/bc|https URL",
        "https://app.example.com/bc#top|fragment",
        "/bc|absolute URI",
        "https://bad host/bc|not a valid URI",
        "ftp://app.example.com/bc|https URL"})
    void everythingElseIsRefusedWithTheReason(String uri, String reason) {
        assertThat(LogoutUriRules.refusal("backchannel_logout_uri", uri)).hasValueSatisfying(r -> assertThat(r).contains(reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.2/bc", "http://localhost/bc", "https://127.0.0.1/bc"})
    void onlyPlainHttpOnTheTwoLoopbackLiteralsCountsAsLoopbackHttp(String uri) {
        assertThat(LogoutUriRules.isLoopbackHttp(URI.create(uri))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://app.example.com/fc|",
        "https://APP.example.com:443/fc?x=1|",
        "http://127.0.0.1:9000/fc|",
        "https://other.example.com/fc|scheme, host and port of a registered redirect URI",
        "https://app.example.com:8443/fc|scheme, host and port of a registered redirect URI",
        "http://app.example.com/fc|https URL",
        "https://app.example.com/fc#x|fragment (Front-Channel Logout 1.0 §2)"})
    void aFrontChannelLogoutUriSharesTheOriginOfARedirectUri(String uri, String reason) {
        var redirects = List.of("https://app.example.com/cb", "http://127.0.0.1/native");
        if (reason == null) {
            assertThat(LogoutUriRules.frontchannelRefusal("frontchannel_logout_uri", uri, redirects)).isEmpty();
        } else {
            assertThat(LogoutUriRules.frontchannelRefusal("frontchannel_logout_uri", uri, redirects))
                    .hasValueSatisfying(r -> assertThat(r).contains(reason));
        }
    }
}
