package dev.tessera.authorize;

import static dev.tessera.authorize.AuthorizeFixtures.API;
import static dev.tessera.authorize.AuthorizeFixtures.CB;
import static dev.tessera.authorize.AuthorizeFixtures.CHALLENGE;
import static dev.tessera.authorize.AuthorizeFixtures.STATE;
import static dev.tessera.authorize.AuthorizeFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.oauth.OAuthError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Phase two, first half: request objects, repeats, response_type, response_mode and scope, and the
 * order of the checks. Every error goes back to the client with the state. The rest: {@link AuthorizeChecksParametersTest}.
 */
class AuthorizeChecksTest {
    private final AuthorizeFixtures f = new AuthorizeFixtures();

    @Test
    void aPassingRequestBecomesTheAuthorizationRequestLaterStepsTrust() {
        AuthorizationRequest request = f.validate(query("scope=openid email", "prompt=login consent", "max_age=300", "login_hint=ada",
                "ui_locales=de en", "acr_values=urn:pwd", "id_token_hint=eyJ.x.y", "claims={\"userinfo\":{\"email\":null}}",
                "resource=" + API, "display=page"));
        assertThat(request).isEqualTo(new AuthorizationRequest("web", CB, true, "code", ResponseMode.QUERY, Set.of("openid", "email"),
                STATE, "n-1", CHALLENGE, "S256", Set.of("login", "consent"), 300L, "ada", "eyJ.x.y", "de en", "urn:pwd",
                "{\"userinfo\":{\"email\":null}}", List.of(API)));
    }

    @Test
    void theOptionalPartsStayEmpty() {
        AuthorizationRequest request = f.validate(query("-nonce", "-state", "-code_challenge", "-code_challenge_method", "-redirect_uri"));
        assertThat(request).isEqualTo(new AuthorizationRequest("web", CB, false, "code", ResponseMode.QUERY, Set.of("openid", "profile"),
                null, null, null, null, Set.of(), null, null, null, null, null, null, List.of()));
    }

    @Test
    void theChecksRunInTheDeclaredOrder() {
        assertThat(AuthorizeChecks.CHECKS).hasSize(12);
        // Each request breaks two rules; the earlier check's error is the one reported.
        first(OAuthError.REQUEST_NOT_SUPPORTED, "Request objects", "request=eyJ.x.y", "request_uri=urn:x");
        first(OAuthError.REQUEST_URI_NOT_SUPPORTED, "request_uri", "request_uri=urn:x", "+scope=email");
        first(OAuthError.INVALID_REQUEST, "Repeated", "+scope=email", "response_type=bogus");
        first(OAuthError.UNSUPPORTED_RESPONSE_TYPE, "response_type", "response_type=bogus", "response_mode=bogus");
        first(OAuthError.INVALID_REQUEST, "response_mode", "response_mode=bogus", "scope=admin");
        first(OAuthError.INVALID_SCOPE, "admin", "scope=admin", "code_challenge_method=plain");
        first(OAuthError.INVALID_REQUEST, "code_challenge_method", "code_challenge_method=plain", "response_type=code id_token", "-nonce");
        first(OAuthError.INVALID_REQUEST, "nonce", "response_type=code id_token", "-nonce", "prompt=bogus");
        first(OAuthError.INVALID_REQUEST, "prompt", "prompt=bogus", "max_age=-1");
        first(OAuthError.INVALID_REQUEST, "max_age", "max_age=-1", "display=bogus");
        first(OAuthError.INVALID_REQUEST, "display", "display=bogus", "claims=[]");
        first(OAuthError.INVALID_REQUEST, "claims", "claims=[]", "resource=https://other.example");
        first(OAuthError.INVALID_TARGET, "resource", "resource=https://other.example");
    }

    /** RFC 6749 §4.1.2.1: the echoed CR LF (the response_type=code%0D%0AX-Injected:...) never reaches the redirect. */
    @Test
    void anEchoedValueLeavesOnlyTheRfc6749CharacterSet() {
        AuthorizeException e = f.refused(query("response_type=code\r\nX-Injected: \"1\""), OAuthError.UNSUPPORTED_RESPONSE_TYPE);
        assertThat(e.description()).contains("code??X-Injected: ?1?").matches("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    }

    private void first(OAuthError error, String described, String... changes) {
        assertThat(f.refused(query(changes), error).description()).contains(described);
    }

    @Test
    void requestObjectsAreRefusedOutright() {
        assertThat(f.refused(query("request=eyJhbGciOiJub25lIn0.e30."), OAuthError.REQUEST_NOT_SUPPORTED).target().mode())
                .isEqualTo(ResponseMode.QUERY);
        f.refused(query("request_uri=https://rp.example.com/request.jwt"), OAuthError.REQUEST_URI_NOT_SUPPORTED);
    }

    @Test
    void aRefusedRequestObjectsResponseModeAndStateCarryTheErrorWhenTheOuterRequestHasNone() {
        // {"alg":"none"}.{"response_mode":"form_post","state":"inner"}.
        String object = "eyJhbGciOiJub25lIn0." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"response_mode\":\"form_post\",\"state\":\"inner\"}".getBytes(StandardCharsets.UTF_8)) + ".";
        RedirectTarget target = f.refused(query("request=" + object, "-state"), OAuthError.REQUEST_NOT_SUPPORTED).target();
        assertThat(target.mode()).isEqualTo(ResponseMode.FORM_POST);
        assertThat(target.state()).isEqualTo("inner");
        assertThat(target.redirectUri()).as("always the verified outer redirect URI").isEqualTo(CB);

        RedirectTarget outer = f.refused(query("request=" + object, "response_mode=fragment"), OAuthError.REQUEST_NOT_SUPPORTED).target();
        assertThat(outer.mode()).as("the outer request's own response_mode wins").isEqualTo(ResponseMode.FRAGMENT);
        assertThat(outer.state()).isEqualTo(STATE);
        for (String junk : new String[] {"eyJ.x.y", "a.b.c.d.e", "not-a-jwt", "eyJhbGciOiJub25lIn0.WzFd.",
                "eyJhbGciOiJub25lIn0.bnVsbA.", "eyJhbGciOiJub25lIn0.Ing.", "eyJhbGciOiJub25lIn0.e30"}) {
            assertThat(f.refused(query("request=" + junk), OAuthError.REQUEST_NOT_SUPPORTED).target().mode()).as(junk)
                    .isEqualTo(ResponseMode.QUERY);
        }
    }

    @ParameterizedTest
    @CsvSource({"scope, email", "nonce, n-2", "response_type, code", "prompt, login", "code_challenge, " + CHALLENGE, "max_age, 1",
            "response_mode, query", "display, page", "claims, {}", "login_hint, ada"})
    void aRepeatedParameterIsRefusedEvenWithTheSameValue(String name, String value) {
        assertThat(f.refused(query(name + "=" + value, "+" + name + "=" + value), OAuthError.INVALID_REQUEST).description())
                .isEqualTo("Repeated parameter: " + name);
    }

    @Test
    void aRepeatedStateIsRefusedWithoutEchoingEitherValue() {
        AuthorizeException e = f.refused(query("+state=other"), OAuthError.INVALID_REQUEST);
        assertThat(e.target().state()).isNull();
    }

    @Test
    void resourceMayRepeat() {
        f.clients.get("web").allowedResources(Set.of(API, "https://files.example.com"));
        assertThat(f.validate(query("resource=" + API, "+resource=https://files.example.com")).resources())
                .containsExactly(API, "https://files.example.com");
    }

    @Test
    void responseTypeMustBePresentKnownAndAllowed() {
        assertThat(f.refused(query("-response_type"), OAuthError.INVALID_REQUEST).description()).contains("response_type");
        f.refused(query("response_type=bogus"), OAuthError.UNSUPPORTED_RESPONSE_TYPE);
        f.refused(query("response_type=code bogus"), OAuthError.UNSUPPORTED_RESPONSE_TYPE);
        f.refused(query("response_type=none"), OAuthError.UNSUPPORTED_RESPONSE_TYPE);
        f.refused(query("response_type=CODE"), OAuthError.UNSUPPORTED_RESPONSE_TYPE);
        f.refused(query("response_type=token"), OAuthError.UNAUTHORIZED_CLIENT);
        f.refused(query("response_type=code token"), OAuthError.UNAUTHORIZED_CLIENT);
        assertThat(f.validate(query("response_type=id_token code")).responseType()).isEqualTo("code id_token");
        assertThat(f.validate(query("response_type=token id_token")).responseType()).isEqualTo("id_token token");
    }

    @ParameterizedTest
    @CsvSource({"code, QUERY", "code id_token, FRAGMENT", "id_token token, FRAGMENT"})
    void eachResponseTypeHasItsDefaultMode(String responseType, ResponseMode mode) {
        assertThat(f.validate(query("response_type=" + responseType)).responseMode()).isEqualTo(mode);
        // An error found later goes back in that mode too.
        assertThat(f.refused(query("response_type=" + responseType, "scope=admin"), OAuthError.INVALID_SCOPE).target().mode())
                .isEqualTo(mode);
    }

    @Test
    void anExplicitResponseModeIsHonouredAndCarriesLaterErrors() {
        assertThat(f.validate(query("response_mode=form_post")).responseMode()).isEqualTo(ResponseMode.FORM_POST);
        assertThat(f.validate(query("response_mode=fragment")).responseMode()).isEqualTo(ResponseMode.FRAGMENT);
        assertThat(f.validate(query("response_type=code id_token", "response_mode=form_post")).responseMode()).isEqualTo(ResponseMode.FORM_POST);
        assertThat(f.refused(query("response_mode=form_post", "scope=admin"), OAuthError.INVALID_SCOPE).target().mode())
                .isEqualTo(ResponseMode.FORM_POST);
        assertThat(f.refused(query("response_mode=bogus"), OAuthError.INVALID_REQUEST).target().mode()).isEqualTo(ResponseMode.QUERY);
    }

    @ParameterizedTest
    @CsvSource({"code id_token", "id_token token"})
    void tokensNeverTravelInTheQuery(String responseType) {
        AuthorizeException e = f.refused(query("response_type=" + responseType, "response_mode=query"), OAuthError.INVALID_REQUEST);
        assertThat(e.description()).contains("query");
    }

    @Test
    void scopeMustBeAllowedForTheClient() {
        assertThat(f.refused(query("scope=openid admin phone"), OAuthError.INVALID_SCOPE).description()).endsWith("admin phone");
        f.refused(query("scope=openid \"quoted\""), OAuthError.INVALID_SCOPE);
        f.refused(query("scope=Openid"), OAuthError.INVALID_SCOPE);
        assertThat(f.validate(query("scope=  openid   email ")).scope()).containsExactly("openid", "email");
    }

    @Test
    void withoutScopeTheClientsDefaultScopesApply() {
        assertThat(f.validate(query("-scope")).scope()).containsExactlyInAnyOrder("openid", "profile");
        f.clients.get("web").defaultScopes(Set.of());
        assertThat(f.validate(query("-scope")).scope()).isEmpty();
    }

    @Test
    void anIdTokenNeedsTheOpenidScope() {
        assertThat(f.refused(query("response_type=code id_token", "scope=profile"), OAuthError.INVALID_SCOPE).description())
                .contains("openid");
        assertThat(f.validate(query("scope=profile")).scope()).containsExactly("profile");
    }
}
