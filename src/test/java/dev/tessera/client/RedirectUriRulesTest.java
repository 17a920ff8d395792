package dev.tessera.client;

import static dev.tessera.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tessera.oauth.OAuthError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6749 §3.1.2, RFC 8252 §7.1 and §7.3, RFC 9700 §2.6. */
class RedirectUriRulesTest {
    private final RedirectUriRules rules = new RedirectUriRules();

    @ParameterizedTest
    @ValueSource(strings = {"https://client.example.com/cb", "https://client.example.com:8443/cb?x=1",
            "HTTPS://client.example.com/cb", "http://127.0.0.1/cb", "http://127.0.0.1:51234/callback",
            "http://[::1]:8080/cb", "http://[::1]/", "com.example.app:/oauth2redirect",
            "com.example.app://cb/path?q=1"})
    void acceptsHttpsLoopbackIpAndReverseDomainSchemes(String uri) {
        assertThatCode(() -> rules.check(uri)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost/cb", "http://localhost:8080/cb", "http://client.example.com/cb",
            "http://127.0.0.2/cb", "http://127.0.0.1.nip.io/cb", "http://10.0.0.1/cb", "http://[::2]/cb",
            "http://0.0.0.0/cb"})
    void plainHttpIsOnlyForTheLoopbackIpLiterals(String uri) {
        assertOAuthError(OAuthError.INVALID_REDIRECT_URI, () -> rules.check(uri)).hasMessageContaining("RFC 8252");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://client.example.com/cb#", "https://client.example.com/cb#frag",
            "http://127.0.0.1/cb#x", "com.example.app:/cb#x"})
    void aFragmentIsRefused(String uri) {
        assertOAuthError(OAuthError.INVALID_REDIRECT_URI, () -> rules.check(uri)).hasMessageContaining("fragment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cb", "cb", "//client.example.com/cb", ""})
    void aRelativeUriIsRefused(String uri) {
        assertOAuthError(OAuthError.INVALID_REDIRECT_URI, () -> rules.check(uri)).hasMessageContaining("absolute");
    }

    @ParameterizedTest
    @ValueSource(strings = {"myapp:/cb", "myapp://cb", "custom:cb"})
    void aPrivateUseSchemeWithoutADotIsRefused(String uri) {
        assertOAuthError(OAuthError.INVALID_REDIRECT_URI, () -> rules.check(uri)).hasMessageContaining("RFC 8252 section 7.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,hi", "file:///etc/passwd",
            "vbscript:msgbox", "blob:https://client.example.com/x"})
    void dangerousSchemesAreRefused(String uri) {
        assertOAuthError(OAuthError.INVALID_REDIRECT_URI, () -> rules.check(uri)).hasMessageContaining("scheme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user@client.example.com/cb", "https://user:pw@client.example.com/cb",
            "http://user@127.0.0.1/cb", "com.example.app://user@host/cb"})
    void userInformationIsRefused(String uri) {
        assertOAuthError(OAuthError.INVALID_REDIRECT_URI, () -> rules.check(uri)).hasMessageContaining("user information");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https:/cb", "https:cb", "http:///cb", "https://exa_mple.com/cb"})
    void httpAndHttpsNeedAHost(String uri) {
        assertOAuthError(OAuthError.INVALID_REDIRECT_URI, () -> rules.check(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://client.example.com/a b", "https://client.example.com/%zz", "https://[::1/cb"})
    void anUnparsableUriIsRefused(String uri) {
        assertOAuthError(OAuthError.INVALID_REDIRECT_URI, () -> rules.check(uri));
    }

    @Test
    void isLoopbackIpKnowsExactlyTheTwoLiterals() {
        assertThat(RedirectUriRules.isLoopbackIp("127.0.0.1")).isTrue();
        assertThat(RedirectUriRules.isLoopbackIp("[::1]")).isTrue();
        assertThat(RedirectUriRules.isLoopbackIp("localhost")).isFalse();
        assertThat(RedirectUriRules.isLoopbackIp("::1")).isFalse();
        assertThat(RedirectUriRules.isLoopbackIp(null)).isFalse();
    }
}
