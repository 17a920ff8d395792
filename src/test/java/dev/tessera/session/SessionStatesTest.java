package dev.tessera.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.Issuer;
import dev.tessera.http.FixedRequestContext;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Session Management 1.0 §3 and §4.2: the session_state of authorization responses. */
class SessionStatesTest {
    private static final String STATE = "bs-0123456789abcdef";

    private static SessionStates states(String issuer) {
        SessionStates states = new SessionStates();
        states.browserState = new BrowserState();
        states.browserState.issuer = new Issuer(issuer);
        return states;
    }

    private static FixedRequestContext withCookies(Map<String, String> cookies) {
        return new FixedRequestContext("192.0.2.1", cookies, Optional.empty(), Optional.empty());
    }

    @Test
    void theHashCoversClientOriginBrowserStateAndSaltAsTheSpecificationsExample() {
        // Expected values from Python's hashlib over the same UTF-8 text, as the check_session script computes it.
        assertThat(SessionStates.compute("rp-web", "https://rp.example.com", "tessera-bs-0123456789", "c2FsdA"))
                .isEqualTo("b04e711140f993949b43049ad25094f8beb08b38c77c0c14641b09e8f12114cb.c2FsdA");
        assertThat(SessionStates.compute("kl\u00e9ient", "http://127.0.0.1:8080", STATE, "s"))
                .isEqualTo("1b126cde7dd49a243ede3c7c89da6e73b9bb600fe701938011e18df3bc585fb4.s");
    }

    @Test
    void theStateIsComputedOverTheRedirectUrisOriginWithAFreshSaltEachTime() {
        SessionStates states = states("http://127.0.0.1:8080");
        var http = withCookies(Map.of("tessera_bs", STATE));

        var first = states.issue("rp", "https://RP.example.com:443/cb?x=1", http).orElseThrow();
        var second = states.issue("rp", "https://rp.example.com/other", http).orElseThrow();

        String salt = first.value().substring(first.value().indexOf('.') + 1);
        assertThat(first.value()).isEqualTo(SessionStates.compute("rp", "https://rp.example.com", STATE, salt));
        assertThat(second.value()).isNotEqualTo(first.value());
        assertThat(salt).doesNotContain(" ", ".").hasSizeGreaterThanOrEqualTo(16);
        assertThat(first.setCookie()).as("the browser already has its state").isNull();
    }

    @Test
    void aBrowserWithoutStateGetsOneSetWithTheResponseAndTheStateIsComputedOverIt() {
        SessionStates states = states("https://sso.example.com");

        var issued = states.issue("rp", "https://rp.example.com/cb", withCookies(Map.of("tessera_bs", STATE))).orElseThrow();

        assertThat(issued.setCookie()).as("https issuer: __Host- cookie; the plain name is not read").startsWith("__Host-tessera_bs=")
                .contains("; Path=/", "; SameSite=Lax", "; Secure").doesNotContain("HttpOnly");
        String value = issued.setCookie().substring("__Host-tessera_bs=".length(), issued.setCookie().indexOf(';'));
        String salt = issued.value().substring(issued.value().indexOf('.') + 1);
        assertThat(issued.value()).isEqualTo(SessionStates.compute("rp", "https://rp.example.com", value, salt));
    }

    @Test
    void aMalformedCookieCountsAsNoStateAndANativeRedirectGetsNone() {
        SessionStates states = states("http://127.0.0.1:8080");

        assertThat(states.issue("rp", "https://rp.example.com/cb", withCookies(Map.of("tessera_bs", "x y"))).orElseThrow().setCookie())
                .startsWith("tessera_bs=");
        assertThat(states.issue("rp", "com.example.app:/cb", withCookies(Map.of()))).isEmpty();
    }
}
