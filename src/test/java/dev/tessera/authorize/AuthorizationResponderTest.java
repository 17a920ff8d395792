package dev.tessera.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.Issuer;
import dev.tessera.http.FixedRequestContext;
import dev.tessera.oauth.OAuthError;
import dev.tessera.session.BrowserStateAccess;
import dev.tessera.session.SessionStates;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Session Management 1.0 §3 and §4.1: which authorization responses carry session_state. */
class AuthorizationResponderTest {
    private static final String STATE = "bs-0123456789abcdef";

    private static AuthorizationResponder responder(Map<String, String> cookies) {
        AuthorizationResponder responder = new AuthorizationResponder();
        responder.issuer = new Issuer("http://localhost:8080");
        responder.sessionStates = BrowserStateAccess.sessionStates(responder.issuer);
        responder.http = new FixedRequestContext("192.0.2.1", cookies, Optional.empty(), Optional.empty());
        return responder;
    }

    private static String location(Response response) {
        return URI.create(response.getHeaderString("Location")).getRawQuery();
    }

    private static RedirectTarget target(String redirectUri) {
        return new RedirectTarget("rp", redirectUri, "xyz", ResponseMode.QUERY);
    }

    @Test
    void aSuccessCarriesTheSessionStateOfThisBrowserForTheRedirectUrisOrigin() {
        Response response = responder(Map.of("tessera_bs", STATE)).success(target("https://rp.example.com/cb"), Map.of("code", "c"));

        String query = location(response);
        assertThat(query).contains("code=c", "state=xyz", "iss=", "session_state=");
        String value = URLDecoder.decode(query.substring(query.indexOf("session_state=") + 14).split("&")[0], StandardCharsets.UTF_8);
        assertThat(value).isEqualTo(SessionStates.compute("rp", "https://rp.example.com", STATE, value.substring(value.indexOf('.') + 1)));
        assertThat(response.getHeaderString("Set-Cookie")).as("the browser has its state").isNull();
    }

    @Test
    void loginStateErrorsCarryItAndRequestErrorsDoNot() {
        AuthorizationResponder responder = responder(Map.of());
        for (OAuthError error : new OAuthError[] {OAuthError.LOGIN_REQUIRED, OAuthError.CONSENT_REQUIRED, OAuthError.ACCESS_DENIED,
            OAuthError.INTERACTION_REQUIRED, OAuthError.ACCOUNT_SELECTION_REQUIRED}) {
            Response response = responder.error(new AuthorizeException(error, "x", target("https://rp.example.com/cb")));
            assertThat(location(response)).as(error.code()).contains("session_state=");
            assertThat(response.getHeaderString("Set-Cookie")).as("a browser without state gets one").startsWith("tessera_bs=");
        }
        for (OAuthError error : new OAuthError[] {OAuthError.INVALID_REQUEST, OAuthError.INVALID_SCOPE, OAuthError.UNSUPPORTED_RESPONSE_TYPE}) {
            Response response = responder.error(new AuthorizeException(error, "x", target("https://rp.example.com/cb")));
            assertThat(location(response)).as(error.code()).doesNotContain("session_state");
        }
    }

    @Test
    void aNativeRedirectWithoutWebOriginGetsNone() {
        Response response = responder(Map.of("tessera_bs", STATE)).success(target("com.example.app:/cb"), Map.of("code", "c"));
        assertThat(location(response)).doesNotContain("session_state");
    }
}
