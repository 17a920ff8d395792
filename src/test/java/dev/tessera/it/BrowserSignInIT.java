package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.CodeHash;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.jwt.JWTParser;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

/**
 * Whole OpenID Connect flows over HTTP, submitting the login and consent forms as a browser would, with
 * the Nimbus SDK validating ID tokens (signature, iss, aud, nonce, at_hash, c_hash) as a strict relying
 * party does.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserSignInIT {
    static final String WEB_CB = "https://rp.example.com/cb";
    static final URI TOKEN = URI.create(TesseraDeployment.issuer() + "/token");
    static JsonObject web;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TesseraDeployment.war();
    }

    @BeforeAll
    static void setUp() {
        SignIn.createUser("ada");
        SignIn.createUser("grace");
        web = Admin.createClient("{\"client_id\":\"web\",\"client_name\":\"Reports & <Co>\",\"redirect_uris\":[\"" + WEB_CB + "\"],"
                + "\"post_logout_redirect_uris\":[\"https://rp.example.com/bye\"],"
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"scope\":\"openid profile email offline_access groups\"}");
        Admin.createClient("{\"client_id\":\"spa\",\"token_endpoint_auth_method\":\"none\",\"redirect_uris\":[\"http://127.0.0.1/cb\"],"
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"scope\":\"openid profile\",\"require_consent\":false}");
        hybrid = Admin.createClient("{\"client_id\":\"hybrid\",\"redirect_uris\":[\"" + WEB_CB + "\"],\"grant_types\":[\"authorization_code\",\"implicit\"],"
                + "\"response_types\":[\"code id_token\"],\"scope\":\"openid email\",\"require_consent\":false,\"require_pkce\":false}");
        Admin.createClient("{\"client_id\":\"implicit\",\"redirect_uris\":[\"" + WEB_CB + "\"],\"grant_types\":[\"implicit\"],"
                + "\"response_types\":[\"id_token token\",\"id_token\"],\"scope\":\"openid email\",\"require_consent\":false}");
        mfaWeb = Admin.createClient("{\"client_id\":\"mfa-web\",\"redirect_uris\":[\"" + WEB_CB + "\"],\"grant_types\":[\"authorization_code\"],"
                + "\"scope\":\"openid email\",\"require_consent\":false,\"default_acr_values\":[\"urn:tessera:acr:password\"]}");
        opaqueWeb = Admin.createClient("{\"client_id\":\"opaque-web\",\"redirect_uris\":[\"" + WEB_CB + "\"],\"grant_types\":[\"authorization_code\"],"
                + "\"scope\":\"openid email\",\"require_consent\":false,\"access_token_format\":\"opaque\"}");
    }

    static JsonObject opaqueWeb;
    static JsonObject mfaWeb;
    static final String MFA = "urn:tessera:acr:mfa";
    static JsonObject hybrid;

    static ClientAuthentication webAuth() {
        return new ClientSecretBasic(new ClientID("web"), new Secret(web.getString("client_secret")));
    }

    static IDTokenValidator validator(String clientId) throws Exception {
        return new IDTokenValidator(new Issuer(TesseraDeployment.issuer()), new ClientID(clientId), JWSAlgorithm.RS256,
                new URL(TesseraDeployment.issuer() + "/jwks"));
    }

    static OIDCTokenResponse redeem(ClientAuthentication auth, ClientID publicId, String code, String redirect, String verifier) throws Exception {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(redirect),
                verifier == null ? null : new CodeVerifier(verifier));
        TokenRequest request = auth != null ? new TokenRequest(TOKEN, auth, grant) : new TokenRequest(TOKEN, publicId, grant);
        var response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).as(() -> response.toErrorResponse().getErrorObject().toJSONObject().toString()).isTrue();
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    /**
     * Issue 23 (memory): a finished sign-in ends the HTTP session that held its pages (http/PageSessions), but not while
     * another tab of the same browser is still on a login page. Tab B's page still works after tab A finished; once
     * both are done, a replay of tab A's form finds no view state (the expired page, 400), where before the session
     * kept every finished page for 30 minutes.
     */
    @Test
    void twoTabsSignInAtOnceAndOnlyTheLastFinishedEndsThePageSession() {
        Browser browser = new Browser();
        HttpResponse<String> tabA = SignIn.authorize(browser, SignIn.codeRequest("spa", "http://127.0.0.1/cb", "openid", SignIn.verifier()));
        HttpResponse<String> tabB = SignIn.authorize(browser, SignIn.codeRequest("spa", "http://127.0.0.1/cb", "openid", SignIn.verifier()));
        int cookiesBefore = browser.setCookies().size();

        assertThat(SignIn.redirectParams(SignIn.login(browser, tabA, "ada", SignIn.PASSWORD))).containsKey("code");
        assertThat(browser.setCookies().subList(cookiesBefore, browser.setCookies().size()))
                .as("the finished request's binding cookie is removed").anyMatch(c -> c.contains("tessera_flow_") && c.contains("Max-Age=0"));
        assertThat(SignIn.redirectParams(SignIn.login(browser, tabB, "ada", SignIn.PASSWORD)))
                .as("tab B's page state outlived tab A's sign-in").containsKey("code");

        HttpResponse<String> replay = browser.submit(tabA, "login", Map.of("username", "ada", "password", SignIn.PASSWORD));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(400);
        assertThat(replay.body()).contains("id=\"expired\"");
    }

    /**
     * A page outside the sign-in (here the device page) open in one tab keeps its state when a sign-in with a login page
     * finishes in another: the page marks its session (web/KeptPagesViewHandler) and PageSessions keeps it.
     */
    @Test
    void aPageOutsideTheSignInKeepsItsStateWhenASignInFinishesInAnotherTab() {
        Browser browser = new Browser();
        HttpResponse<String> devicePage = browser.follow(browser.get("/device"));
        assertThat(devicePage.statusCode()).as(devicePage.body()).isEqualTo(200);
        assertThat(SignIn.redirectParams(SignIn.login(browser,
                SignIn.authorize(browser, SignIn.codeRequest("spa", "http://127.0.0.1/cb", "openid", SignIn.verifier())), "ada", SignIn.PASSWORD)))
                .containsKey("code");

        HttpResponse<String> typed = browser.follow(browser.submit(devicePage, "submit", Map.of("user_code", "BCDF-GHJK")));
        assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);
        assertThat(typed.body()).doesNotContain("id=\"expired\"").contains("not valid or has expired");
    }

    /**
     * Issue 23, point 3 (docs/performance.md, "The counting guard"): the SQL statements of a whole sign-in (the
     * authorization request, the login page, the password posted, the code issued and redeemed for an access, an ID
     * and a refresh token), counted as the token requests' are, and held to the number recorded here.
     */
    @Test
    void statementsPerWholeSignInDoNotGrow() throws Exception {
        JsonObject counted = Admin.createClient("{\"client_id\":\"counted-web\",\"redirect_uris\":[\"" + WEB_CB + "\"],"
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"scope\":\"openid profile email\",\"require_consent\":false}");
        ClientAuthentication auth = new ClientSecretBasic(new ClientID("counted-web"), new Secret(counted.getString("client_secret")));
        SignIn.createUser("signin-counted");
        CountingGuard.Cost signIn = CountingGuard.measure(() -> {
            String verifier = SignIn.verifier();
            Browser browser = new Browser();
            Map<String, String> answer = SignIn.redirectParams(SignIn.login(browser,
                    SignIn.authorize(browser, SignIn.codeRequest("counted-web", WEB_CB, "openid profile email", verifier)),
                    "signin-counted", SignIn.PASSWORD));
            assertThat(redeem(auth, null, answer.get("code"), WEB_CB, verifier).getOIDCTokens().getRefreshToken()).isNotNull();
        }, 2, 9, 1);
        System.out.println("Counting guard, per whole sign-in: " + signIn);
        // Recorded 2026-12-07 (H2 and PostgreSQL alike, EclipseLink 4.0 in Payara 6.2025.10), the fewest of nine single
        // sign-ins after two unmeasured ones (batches of three took over 2 s on a slow CI machine, and each then also
        // counted this container's key check, every 2 s: 26.33); the statements are listed in docs/performance.md ("The
        // counting guard").
        // 31.33 before a success stopped deleting absent failure counters and the pending request and the code were
        // changed by one statement each instead of a read and a write (the parsers: 5 before and after).
        assertThat(signIn.statements()).as("SQL statements per whole sign-in").isLessThanOrEqualTo(26);
        assertThat(signIn.parsers()).as("JSON parsers per whole sign-in").isLessThanOrEqualTo(5);
    }

    @Test
    void confidentialClientSignsInWithCodeAndTheIdTokenValidates() throws Exception {
        Browser browser = new Browser();
        String verifier = SignIn.verifier();
        Map<String, String> request = SignIn.codeRequest("web", WEB_CB, "openid profile email", verifier);
        HttpResponse<String> loginPage = SignIn.authorize(browser, request);
        assertThat(loginPage.body()).contains("Reports &amp; &lt;Co&gt;");

        HttpResponse<String> consentPage = SignIn.login(browser, loginPage, "ada", SignIn.PASSWORD);
        assertThat(consentPage.body()).contains("See your email address");
        Map<String, String> answer = SignIn.redirectParams(SignIn.consent(browser, consentPage, "approve"));

        assertThat(answer).containsEntry("state", request.get("state")).containsEntry("iss", TesseraDeployment.issuer());
        OIDCTokenResponse tokens = redeem(webAuth(), null, answer.get("code"), WEB_CB, verifier);
        IDTokenClaimsSet claims = validator("web").validate(tokens.getOIDCTokens().getIDToken(), new Nonce(request.get("nonce")));
        AccessTokenValidator.validate(tokens.getOIDCTokens().getAccessToken(), JWSAlgorithm.RS256, claims.getAccessTokenHash());
        assertThat(claims.getAuthenticationTime()).isNotNull();
        assertThat(claims.getStringClaim("sid")).isNotBlank();
        assertThat(claims.getStringClaim("azp")).isEqualTo("web");
        assertThat(claims.getStringListClaim("amr")).contains("pwd");
        assertThat(tokens.getOIDCTokens().getRefreshToken()).isNotNull();

        UserInfoResponse userinfo = UserInfoResponse.parse(new UserInfoRequest(URI.create(TesseraDeployment.issuer() + "/userinfo"),
                (BearerAccessToken) tokens.getOIDCTokens().getAccessToken()).toHTTPRequest().send());
        var info = userinfo.toSuccessResponse().getUserInfo();
        assertThat(info.getSubject()).isEqualTo(claims.getSubject());
        assertThat(info.getEmailAddress()).isEqualTo("ada@example.com");
        assertThat(info.getName()).isEqualTo("Ada Lovelace");
    }

    @Test
    void anOpaqueAccessTokenHonoursTheClaimsRequestAtUserinfoAndIntrospectsWithAuthTime() throws Exception {
        Browser browser = new Browser();
        String verifier = SignIn.verifier();
        // Only openid is asked for; the email claim comes from the claims request's userinfo part (OpenID Connect Core §5.5).
        Map<String, String> request = SignIn.codeRequest("opaque-web", WEB_CB, "openid", verifier);
        request.put("claims", "{\"userinfo\":{\"email\":{\"essential\":true}}}");
        Map<String, String> answer = SignIn.redirectParams(SignIn.loginAndApprove(browser, request, "ada"));
        ClientAuthentication auth = new ClientSecretBasic(new ClientID("opaque-web"), new Secret(opaqueWeb.getString("client_secret")));
        OIDCTokenResponse tokens = redeem(auth, null, answer.get("code"), WEB_CB, verifier);
        BearerAccessToken access = (BearerAccessToken) tokens.getOIDCTokens().getAccessToken();
        assertThat(access.getValue()).doesNotContain(".");
        IDTokenClaimsSet idToken = validator("opaque-web").validate(tokens.getOIDCTokens().getIDToken(), new Nonce(request.get("nonce")));

        var info = UserInfoResponse.parse(new UserInfoRequest(URI.create(TesseraDeployment.issuer() + "/userinfo"), access)
                .toHTTPRequest().send()).toSuccessResponse().getUserInfo();
        assertThat(info.getEmailAddress()).isEqualTo("ada@example.com");

        var introspection = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                URI.create(TesseraDeployment.issuer() + "/introspect"), auth, access).toHTTPRequest().send()).toSuccessResponse();
        assertThat(introspection.isActive()).isTrue();
        assertThat(introspection.getNumberParameter("auth_time").longValue()).isEqualTo(idToken.getAuthenticationTime().getTime() / 1000);
    }

    @Test
    void publicClientWithPkceOnALoopbackPortOfItsChoosing() throws Exception {
        Browser browser = new Browser();
        String verifier = SignIn.verifier();
        String redirect = "http://127.0.0.1:53117/cb";
        Map<String, String> request = SignIn.codeRequest("spa", redirect, "openid profile", verifier);

        Map<String, String> answer = SignIn.redirectParams(SignIn.loginAndApprove(browser, request, "ada"));
        OIDCTokenResponse tokens = redeem(null, new ClientID("spa"), answer.get("code"), redirect, verifier);
        IDTokenClaimsSet claims = validator("spa").validate(tokens.getOIDCTokens().getIDToken(), new Nonce(request.get("nonce")));
        assertThat(claims.getAudience()).extracting(Object::toString).containsExactly("spa");
    }

    @Test
    void formPostAnswersWithAnAutoSubmittingFormToTheRedirectUri() {
        Browser browser = new Browser();
        Map<String, String> request = SignIn.codeRequest("spa", "http://127.0.0.1/cb", "openid", SignIn.verifier());
        request.put("response_mode", "form_post");

        HttpResponse<String> page = SignIn.loginAndApprove(browser, request, "ada");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"http://127.0.0.1/cb\"", "name=\"code\"", "value=\"" + request.get("state") + "\"",
                "name=\"iss\"", "/static/form-post.js");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void hybridResponseCarriesCodeAndIdTokenWithCHashInTheFragmentAndTheScopeClaimsComeFromUserinfo() throws Exception {
        Browser browser = new Browser();
        Map<String, String> request = SignIn.codeRequest("hybrid", WEB_CB, "openid email", null);
        request.put("response_type", "code id_token");

        HttpResponse<String> redirect = SignIn.loginAndApprove(browser, request, "ada");
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).contains("#");
        Map<String, String> answer = SignIn.redirectParams(redirect);
        IDTokenClaimsSet claims = validator("hybrid").validate(JWTParser.parse(answer.get("id_token")), new Nonce(request.get("nonce")));
        assertThat(claims.getCodeHash()).isEqualTo(CodeHash.compute(new AuthorizationCode(answer.get("code")), JWSAlgorithm.RS256));
        // OpenID Connect Core §5.4: the code brings an access token, so the email scope's claims are not in this ID token.
        assertThat(claims.getStringClaim("email")).isNull();

        ClientAuthentication auth = new ClientSecretBasic(new ClientID("hybrid"), new Secret(hybrid.getString("client_secret")));
        OIDCTokenResponse tokens = redeem(auth, null, answer.get("code"), WEB_CB, null);
        assertThat(userinfo(tokens.getOIDCTokens().getAccessToken()).getEmailAddress()).isEqualTo("ada@example.com");
    }

    @Test
    void anIdTokenAloneCarriesTheScopeClaims() throws Exception {
        Map<String, String> request = SignIn.codeRequest("implicit", WEB_CB, "openid email", null);
        request.put("response_type", "id_token");
        Map<String, String> answer = SignIn.redirectParams(SignIn.loginAndApprove(new Browser(), request, "ada"));
        assertThat(answer).doesNotContainKey("access_token");
        IDTokenClaimsSet claims = validator("implicit").validate(JWTParser.parse(answer.get("id_token")), new Nonce(request.get("nonce")));
        // OpenID Connect Core §5.4: no access token is issued at all, so the ID token is where the claims are.
        assertThat(claims.getStringClaim("email")).isEqualTo("ada@example.com");
    }

    @Test
    void anImplicitAccessTokenCarriesTheUserinfoPartOfTheClaimsRequest() throws Exception {
        // Only openid is asked for; email comes from the claims request's userinfo part (OpenID Connect Core §5.5).
        Map<String, String> request = SignIn.codeRequest("implicit", WEB_CB, "openid", null);
        request.put("response_type", "id_token token");
        request.put("claims", "{\"userinfo\":{\"email\":{\"essential\":true}}}");
        Map<String, String> answer = SignIn.redirectParams(SignIn.loginAndApprove(new Browser(), request, "ada"));
        IDTokenClaimsSet claims = validator("implicit").validate(JWTParser.parse(answer.get("id_token")), new Nonce(request.get("nonce")));
        BearerAccessToken access = new BearerAccessToken(answer.get("access_token"));
        AccessTokenValidator.validate(access, JWSAlgorithm.RS256, claims.getAccessTokenHash());

        var info = userinfo(access);
        assertThat(info.getSubject()).isEqualTo(claims.getSubject());
        assertThat(info.getEmailAddress()).isEqualTo("ada@example.com");
    }

    @Test
    void aConfidentialClientMayBindItsCodeWithAnOpenIdNonceInsteadOfPkce() throws Exception {
        Browser browser = new Browser();
        // "web" was created without require_pkce: PKCE, or an OpenID request's nonce (RFC 9700 §2.1.1). Grace, not Ada,
        // approves, so the consent remembered here changes no other test's pages.
        Map<String, String> request = SignIn.codeRequest("web", WEB_CB, "openid profile", null);
        Map<String, String> answer = SignIn.redirectParams(SignIn.loginAndApprove(browser, request, "grace"));
        OIDCTokenResponse tokens = redeem(webAuth(), null, answer.get("code"), WEB_CB, null);
        validator("web").validate(tokens.getOIDCTokens().getIDToken(), new Nonce(request.get("nonce")));

        Map<String, String> noNonce = SignIn.codeRequest("web", WEB_CB, "openid profile", null);
        noNonce.remove("nonce");
        Map<String, String> refused = SignIn.redirectParams(SignIn.authorize(browser, noNonce));
        assertThat(refused).containsEntry("error", "invalid_request").containsEntry("state", noNonce.get("state"));
        assertThat(refused.get("error_description")).contains("code_challenge is required");
        Map<String, String> notOpenId = SignIn.codeRequest("web", WEB_CB, "profile", null);
        assertThat(SignIn.redirectParams(SignIn.authorize(browser, notOpenId))).containsEntry("error", "invalid_request");
        // A public client always uses PKCE, nonce or not.
        Map<String, String> publicClient = SignIn.codeRequest("spa", "http://127.0.0.1/cb", "openid", null);
        assertThat(SignIn.redirectParams(SignIn.authorize(browser, publicClient))).containsEntry("error", "invalid_request");
    }

    static UserInfo userinfo(AccessToken token) throws Exception {
        return UserInfoResponse.parse(new UserInfoRequest(URI.create(TesseraDeployment.issuer() + "/userinfo"), (BearerAccessToken) token)
                .toHTTPRequest().send()).toSuccessResponse().getUserInfo();
    }

    @Test
    void promptNoneWithoutASessionAnswersLoginRequiredAndWithOneSucceedsSilently() {
        Browser browser = new Browser();
        Map<String, String> silent = SignIn.codeRequest("spa", "http://127.0.0.1/cb", "openid", SignIn.verifier());
        silent.put("prompt", "none");
        Map<String, String> refused = SignIn.redirectParams(SignIn.authorize(browser, silent));
        assertThat(refused).containsEntry("error", "login_required").containsEntry("state", silent.get("state"))
                .containsEntry("iss", TesseraDeployment.issuer());

        SignIn.loginAndApprove(browser, SignIn.codeRequest("spa", "http://127.0.0.1/cb", "openid", SignIn.verifier()), "ada");
        Map<String, String> answer = SignIn.redirectParams(SignIn.authorize(browser, silent));
        assertThat(answer).containsKey("code").doesNotContainKey("error");
    }

    @Test
    void promptNoneWithoutRememberedConsentAnswersConsentRequired() {
        Browser browser = new Browser();
        SignIn.loginAndApprove(browser, SignIn.codeRequest("spa", "http://127.0.0.1/cb", "openid", SignIn.verifier()), "ada");
        Map<String, String> silent = SignIn.codeRequest("web", WEB_CB, "openid groups", SignIn.verifier());
        silent.put("prompt", "none");
        assertThat(SignIn.redirectParams(SignIn.authorize(browser, silent))).containsEntry("error", "consent_required");
    }

    @Test
    void maxAgeZeroForcesANewLoginDespiteTheSession() throws Exception {
        Browser browser = new Browser();
        SignIn.loginAndApprove(browser, SignIn.codeRequest("spa", "http://127.0.0.1/cb", "openid", SignIn.verifier()), "ada");
        Thread.sleep(1100);
        Map<String, String> again = SignIn.codeRequest("spa", "http://127.0.0.1/cb", "openid", SignIn.verifier());
        again.put("max_age", "0");
        HttpResponse<String> page = SignIn.authorize(browser, again);
        assertThat(page.body()).contains("id=\"password\"");
        Map<String, String> answer = SignIn.redirectParams(SignIn.login(browser, page, "ada", SignIn.PASSWORD));
        assertThat(answer).containsKey("code");
    }

    @Test
    void theLargestMaxAgeIsAnAgeAndNotAnOverflow() {
        Browser browser = new Browser();
        SignIn.loginAndApprove(browser, SignIn.codeRequest("spa", "http://127.0.0.1/cb", "openid", SignIn.verifier()), "ada");
        Map<String, String> again = SignIn.codeRequest("spa", "http://127.0.0.1/cb", "openid", SignIn.verifier());
        again.put("max_age", String.valueOf(Long.MAX_VALUE));
        assertThat(SignIn.redirectParams(SignIn.authorize(browser, again))).containsKey("code");
    }

    @Test
    void denyingConsentAnswersAccessDenied() {
        Browser browser = new Browser();
        Map<String, String> request = SignIn.codeRequest("web", WEB_CB, "openid profile", SignIn.verifier());
        HttpResponse<String> consentPage = SignIn.login(browser, SignIn.authorize(browser, request), "ada", SignIn.PASSWORD);
        Map<String, String> answer = SignIn.redirectParams(SignIn.consent(browser, consentPage, "deny"));
        assertThat(answer).containsEntry("error", "access_denied").containsEntry("state", request.get("state"));
    }

    @Test
    void aWrongPasswordShowsOneGenericMessageAndStaysOnThePage() {
        Browser browser = new Browser();
        HttpResponse<String> page = SignIn.authorize(browser, SignIn.codeRequest("spa", "http://127.0.0.1/cb", "openid", SignIn.verifier()));
        HttpResponse<String> wrong = SignIn.login(browser, page, "ada", "not the password");
        HttpResponse<String> unknown = SignIn.login(browser, wrong, "nobody-here", "whatever1");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("The username or password is incorrect.");
        assertThat(unknown.body()).contains("The username or password is incorrect.");
        assertThat(wrong.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(wrong.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(wrong.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
    }

    @Test
    void logoutWithTheSessionsIdTokenEndsItRevokesRefreshTokensAndReturnsToTheClient() throws Exception {
        Browser browser = new Browser();
        String verifier = SignIn.verifier();
        Map<String, String> request = SignIn.codeRequest("web", WEB_CB, "openid profile", verifier);
        Map<String, String> answer = SignIn.redirectParams(SignIn.loginAndApprove(browser, request, "ada"));
        OIDCTokenResponse tokens = redeem(webAuth(), null, answer.get("code"), WEB_CB, verifier);

        HttpResponse<String> logout = browser.get("/logout?" + SignIn.query(Map.of("id_token_hint",
                tokens.getOIDCTokens().getIDTokenString(), "post_logout_redirect_uri", "https://rp.example.com/bye", "state", "bye-1")));
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Location")).hasValue("https://rp.example.com/bye?state=bye-1");

        var refresh = new TokenRequest(TOKEN, webAuth(), new com.nimbusds.oauth2.sdk.RefreshTokenGrant(
                tokens.getOIDCTokens().getRefreshToken())).toHTTPRequest().send();
        assertThat(refresh.getStatusCode()).isEqualTo(400);
        assertThat(refresh.getContent()).contains("invalid_grant");
        Map<String, String> silent = SignIn.codeRequest("web", WEB_CB, "openid", SignIn.verifier());
        silent.put("prompt", "none");
        assertThat(SignIn.redirectParams(SignIn.authorize(browser, silent))).containsEntry("error", "login_required");
    }

    @Test
    void logoutWithoutAnIdTokenHintAsksFirst() {
        Browser browser = new Browser();
        SignIn.loginAndApprove(browser, SignIn.codeRequest("spa", "http://127.0.0.1/cb", "openid", SignIn.verifier()), "ada");
        HttpResponse<String> page = browser.follow(browser.get("/logout"));
        assertThat(page.body()).contains("id=\"logout\"").as("issue 18: no promise that other applications sign out")
                .doesNotContain("all applications").contains("keep their own sessions");
        Map<String, String> silent = SignIn.codeRequest("spa", "http://127.0.0.1/cb", "openid", SignIn.verifier());
        silent.put("prompt", "none");
        assertThat(SignIn.redirectParams(SignIn.authorize(browser, silent))).as("still signed in before confirming").containsKey("code");

        HttpResponse<String> done = browser.follow(browser.submit(page, "logout", Map.of()));
        assertThat(done.body()).contains("id=\"signed-out\"", "id=\"signed-out-home\"");
        assertThat(SignIn.redirectParams(SignIn.authorize(browser, silent))).containsEntry("error", "login_required");
    }

    @Test
    void logoutNeverRedirectsToAnUnregisteredUri() {
        HttpResponse<String> response = new Browser().get("/logout?" + SignIn.query(Map.of("client_id", "web",
                "post_logout_redirect_uri", "https://evil.example/bye")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void uiLocalesSelectsTheGermanPages() {
        Browser browser = new Browser();
        Map<String, String> request = SignIn.codeRequest("spa", "http://127.0.0.1/cb", "openid", SignIn.verifier());
        request.put("ui_locales", "de-CH en");
        assertThat(SignIn.authorize(browser, request).body()).contains("Anmelden", "Benutzername");
    }

    /** Issue 19 point 5 (part): the account pages sign in through the login page and change only their own person. */
    @Test
    void theAccountPagesSignInThroughTheLoginPageEditTheProfileAndChangeThePassword() {
        JsonObject owner = SignIn.createUser("account-owner");
        String base = TesseraDeployment.issuer();
        Browser browser = new Browser();
        HttpResponse<String> login = browser.follow(browser.get(base + "/account"));
        HttpResponse<String> profile = SignIn.login(browser, login, "account-owner", SignIn.PASSWORD);
        assertThat(profile.body()).contains("id=\"account-whoami\"", "account-owner", "id=\"claim-name\"", "Ada Lovelace", "staff")
                .as("every claim shown has a label").doesNotContain("???");
        Browser other = new Browser().sending("Accept-Language", "de-DE");
        SignIn.login(other, other.follow(other.get(base + "/ui/account-security.xhtml")), "account-owner", SignIn.PASSWORD);

        HttpResponse<String> refused = browser.submit(profile, "save-profile", Map.of("claim-name", "Ada Owner", "claim-locale", "no locale!"));
        assertThat(refused.body()).contains("Language (e.g. en-GB)", "is not in the expected format").doesNotContain("BCP47");
        HttpResponse<String> german = other.submit(other.get(base + "/ui/account.xhtml"), "save-profile",
                Map.of("claim-zoneinfo", "Mars/Olympus_Mons"));
        assertThat(german.body()).as("the refusal in the page's language, naming the claim by its label")
                .contains("Nicht gespeichert:", "hat nicht das erwartete Format").doesNotContain("IANA", "must be");
        HttpResponse<String> tooLong = browser.submit(browser.get(base + "/ui/account.xhtml"), "save-profile", Map.of("claim-nickname", "n".repeat(300)));
        assertThat(tooLong.body()).contains("is too long").doesNotContain("characters it is stored in");
        HttpResponse<String> saved = browser.submit(browser.get(base + "/ui/account.xhtml"), "save-profile",
                Map.of("claim-name", "Ada Owner", "claim-locale", "en-GB", "claim-given_name", "Ada", "claim-family_name", "Owner"));
        assertThat(saved.body()).contains("Your details were saved.");
        JsonObject stored = Admin.json(Http.send(Http.request("/admin/api/users/" + owner.getString("sub"))
                .header("Authorization", "Bearer " + Admin.token())).body());
        assertThat(stored.getString("name")).isEqualTo("Ada Owner");
        assertThat(stored.getString("locale")).isEqualTo("en-GB");
        assertThat(stored.getString("email")).as("not editable here").isEqualTo("account-owner@example.com");

        String page = base + "/ui/account-password.xhtml";
        String fresh = "quartz lantern orbit meadow";
        LogCanary.record("password", fresh);
        assertThat(changePassword(browser, page, "wrong password", fresh, fresh)).contains("The current password is not right.");
        assertThat(changePassword(browser, page, SignIn.PASSWORD, "password1234", "password1234")).contains("too common or too easy to guess");
        assertThat(changePassword(browser, page, SignIn.PASSWORD, fresh, fresh + "x")).contains("are not the same");
        assertThat(changePassword(browser, page, SignIn.PASSWORD, fresh, fresh)).contains("Your password was changed.");

        assertThat(browser.get(base + "/ui/account.xhtml").body()).as("this browser stays signed in").contains("id=\"account-whoami\"");
        HttpResponse<String> signedOut = other.get(base + "/ui/account.xhtml");
        assertThat(signedOut.statusCode()).as("the other browser was signed out").isEqualTo(303);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).contains("/ui/login.xhtml?return=/ui/account.xhtml");
        Browser third = new Browser();
        assertThat(SignIn.login(third, third.follow(third.get(base + "/account")), "account-owner", fresh).body()).contains("id=\"account-whoami\"");
    }

    /** Issue 19 points 4 and 5: a person sees their own sessions and applications and ends them; a refresh token goes with them. */
    @Test
    void theAccountPagesListTheOwnSessionsAndApplicationsAndEndThem() throws Exception {
        JsonObject owner = SignIn.createUser("account-sessions");
        String base = TesseraDeployment.issuer();
        Browser laptop = new Browser().sending("User-Agent", FIREFOX_ON_LINUX);
        String verifier = SignIn.verifier();
        HttpResponse<String> back = SignIn.loginAndApprove(laptop, SignIn.codeRequest("web", WEB_CB, "openid profile", verifier), "account-sessions");
        OIDCTokenResponse tokens = redeem(webAuth(), null, SignIn.redirectParams(back).get("code"), WEB_CB, verifier);
        Browser phone = new Browser().sending("User-Agent", SAFARI_ON_IPHONE);
        SignIn.login(phone, phone.follow(phone.get(base + "/account")), "account-sessions", SignIn.PASSWORD);

        HttpResponse<String> sessions = laptop.get(base + "/ui/account-sessions.xhtml");
        assertThat(sessions.body()).contains("(this browser)", "Applications: Reports &amp; &lt;Co&gt;");
        assertThat(sessions.body().split("class=\"t-row\"", -1)).as("two sessions").hasSize(3);
        // Issue 19 point 5: device and browser from the user agent, the address, started and last active.
        JsonObject listed = Admin.json(Http.send(Http.request("/admin/api/users/" + owner.getString("sub") + "/sessions")
                .header("Authorization", "Bearer " + Admin.token())).body());
        JsonObject laptopRow = listed.getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("user_agent").equals(FIREFOX_ON_LINUX)).findFirst().orElseThrow();
        assertThat(laptopRow.getString("browser")).isEqualTo("Firefox 128");
        assertThat(laptopRow.getString("os")).isEqualTo("Linux");
        assertThat(laptopRow.getJsonNumber("last_active_at").longValue()).isGreaterThanOrEqualTo(laptopRow.getJsonNumber("created_at").longValue());
        String address = laptopRow.getString("address");
        assertThat(sessions.body()).contains("Firefox 128 on Linux", "Safari 18 on iOS", "From address " + address, "Last active ");
        HttpResponse<String> apps = laptop.get(base + "/ui/account-apps.xhtml");
        assertThat(apps.body()).contains("Reports &amp; &lt;Co&gt;", "Remove access");

        HttpResponse<String> removed = laptop.submit(apps, findButton(apps.body(), "Remove access"), Map.of());
        assertThat(removed.body()).contains("Access removed.", "No application has remembered access");
        assertThat(Http.send(Http.request("/token").header("Authorization", Admin.basic("web", web.getString("client_secret")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=refresh_token&refresh_token=" + tokens.getOIDCTokens().getRefreshToken().getValue()))).statusCode())
                .as("the application's refresh token went with its access").isEqualTo(400);

        HttpResponse<String> list = laptop.get(base + "/ui/account-sessions.xhtml");
        HttpResponse<String> everywhere = laptop.submit(list, "sign-out-everywhere", Map.of());
        assertThat(everywhere.statusCode()).isEqualTo(303);
        assertThat(everywhere.headers().firstValue("Location").orElseThrow()).endsWith("/ui/logout.xhtml?done=true");
        assertThat(phone.get(base + "/ui/account.xhtml").statusCode()).as("the phone was signed out too").isEqualTo(303);
        assertThat(laptop.get(base + "/ui/account.xhtml").statusCode()).as("and this browser").isEqualTo(303);
    }

    /** Issue 19 point 5: one of a person's sessions ended on the sessions page of another browser; that browser is signed out. */
    @Test
    void aSessionEndedFromAnotherBrowserIsSignedOutAtItsNextRequestAndTheOtherStays() {
        SignIn.createUser("account-two-browsers");
        String base = TesseraDeployment.issuer();
        Browser laptop = new Browser().sending("User-Agent", FIREFOX_ON_LINUX);
        Browser phone = new Browser().sending("User-Agent", SAFARI_ON_IPHONE);
        SignIn.login(laptop, laptop.follow(laptop.get(base + "/account")), "account-two-browsers", SignIn.PASSWORD);
        SignIn.login(phone, phone.follow(phone.get(base + "/account")), "account-two-browsers", SignIn.PASSWORD);
        assertThat(phone.get(base + "/ui/account.xhtml").statusCode()).isEqualTo(200);

        HttpResponse<String> list = laptop.get(base + "/ui/account-sessions.xhtml");
        String phoneRow = rows(list.body()).stream().filter(r -> !r.contains("(this browser)")).findFirst().orElseThrow();
        assertThat(phoneRow).contains("Safari 18 on iOS");
        HttpResponse<String> pressed = laptop.submit(list, buttons(phoneRow, "Sign out of this session").get(0), Map.of());
        assertThat(pressed.statusCode()).as("post-redirect-get").isEqualTo(303);
        HttpResponse<String> ended = laptop.follow(pressed);
        assertThat(ended.statusCode()).isEqualTo(200);
        assertThat(ended.body()).contains("That session was ended.", "Firefox 128 on Linux").doesNotContain("Safari 18 on iOS");
        assertThat(rows(ended.body())).as("only this browser's session is left").hasSize(1);

        HttpResponse<String> next = phone.get(base + "/ui/account.xhtml");
        assertThat(next.statusCode()).as("the phone is signed out at its next request").isEqualTo(303);
        assertThat(next.headers().firstValue("Location").orElseThrow()).contains("/ui/login.xhtml?return=/ui/account.xhtml");
        assertThat(laptop.get(base + "/ui/account.xhtml").statusCode()).as("the laptop stays signed in").isEqualTo(200);
    }

    /**
     * Issue 19 point 5: "a person can only ever see and end their own sessions and grants". Two people; each page and action
     * is tried by one with the other's identifiers (the other's row buttons, session ids, client, current password), and the
     * admin API with a person's own access token: nothing of the other is shown, and nothing of theirs changes.
     */
    @Test
    void nothingOfOnePersonIsVisibleToOrEndableByAnother() throws Exception {
        JsonObject alice = SignIn.createUser("account-alice");
        JsonObject bob = SignIn.createUser("account-bob");
        String base = TesseraDeployment.issuer();
        Browser bobLaptop = new Browser();
        String verifier = SignIn.verifier();
        HttpResponse<String> back = SignIn.loginAndApprove(bobLaptop, SignIn.codeRequest("web", WEB_CB, "openid profile", verifier), "account-bob");
        OIDCTokenResponse bobTokens = redeem(webAuth(), null, SignIn.redirectParams(back).get("code"), WEB_CB, verifier);
        Browser bobPhone = new Browser();
        SignIn.login(bobPhone, bobPhone.follow(bobPhone.get(base + "/account")), "account-bob", SignIn.PASSWORD);
        Browser aliceBrowser = new Browser();
        String aliceVerifier = SignIn.verifier();
        HttpResponse<String> aliceBack = SignIn.loginAndApprove(aliceBrowser, SignIn.codeRequest("web", WEB_CB, "openid profile", aliceVerifier),
                "account-alice");
        OIDCTokenResponse aliceTokens = redeem(webAuth(), null, SignIn.redirectParams(aliceBack).get("code"), WEB_CB, aliceVerifier);
        List<String> bobSids = sids(bob.getString("sub"));
        assertThat(bobSids).hasSize(2);

        // The admin API is not a way round: a person's own (live) access token opens none of it.
        for (String method : List.of("GET", "DELETE")) {
            HttpResponse<String> api = Http.send(Http.request("/admin/api/users/" + bob.getString("sub") + "/sessions")
                    .header("Authorization", "Bearer " + aliceTokens.getOIDCTokens().getAccessToken().getValue())
                    .method(method, HttpRequest.BodyPublishers.noBody()));
            assertThat(api.statusCode()).as(method + " " + api.body()).isIn(401, 403);
        }
        // Seeing: no page of Alice's names Bob, his sessions or his sids.
        for (String page : List.of("/ui/account.xhtml", "/ui/account-sessions.xhtml", "/ui/account-apps.xhtml", "/ui/account-security.xhtml",
                "/ui/account-password.xhtml")) {
            String body = aliceBrowser.get(base + page).body();
            assertThat(body).as(page).doesNotContain("account-bob", bob.getString("sub"));
            bobSids.forEach(sid -> assertThat(body).as(page).doesNotContain(sid));
        }
        // Ending: Bob's second session row and his application row, pressed on Alice's own pages (her view, her cookie).
        HttpResponse<String> bobSessions = bobLaptop.get(base + "/ui/account-sessions.xhtml");
        List<String> bobEnd = buttons(bobSessions.body(), "Sign out of this session");
        assertThat(bobEnd).hasSize(2);
        HttpResponse<String> aliceSessions = aliceBrowser.get(base + "/ui/account-sessions.xhtml");
        assertThat(rows(aliceSessions.body())).hasSize(1);
        assertThat(aliceBrowser.submit(aliceSessions, bobEnd.get(1), Map.of()).statusCode()).isEqualTo(200);
        String bobRemove = buttons(bobLaptop.get(base + "/ui/account-apps.xhtml").body(), "Remove access").get(0);
        HttpResponse<String> aliceApps = aliceBrowser.get(base + "/ui/account-apps.xhtml");
        aliceBrowser.submit(aliceApps, buttons(aliceApps.body(), "Remove access").get(0), Map.of()); // her own row 0: gone
        aliceApps = aliceBrowser.get(base + "/ui/account-apps.xhtml");
        assertThat(aliceApps.body()).contains("No application has remembered access");
        assertThat(aliceBrowser.submit(aliceApps, bobRemove, Map.of()).statusCode()).isEqualTo(200);
        // Changing: Alice's profile and password forms change Alice only; Bob's password is no key to them.
        aliceBrowser.submit(aliceBrowser.get(base + "/ui/account.xhtml"), "save-profile", Map.of("claim-name", "Alice Only"));
        assertThat(changePassword(aliceBrowser, base + "/ui/account-password.xhtml", "not alice's password", "x", "x"))
                .contains("The current password is not right.");

        assertThat(sids(bob.getString("sub"))).as("both of Bob's sessions live on").containsExactlyInAnyOrderElementsOf(bobSids);
        assertThat(bobPhone.get(base + "/ui/account.xhtml").statusCode()).isEqualTo(200);
        assertThat(bobLaptop.get(base + "/ui/account-apps.xhtml").body()).as("Bob's application keeps its access").contains("Remove access");
        assertThat(Http.send(Http.request("/token").header("Authorization", Admin.basic("web", web.getString("client_secret")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=refresh_token&refresh_token=" + bobTokens.getOIDCTokens().getRefreshToken().getValue()))).statusCode())
                .as("Bob's refresh token still works").isEqualTo(200);
        JsonObject bobStored = Admin.json(Http.send(Http.request("/admin/api/users/" + bob.getString("sub"))
                .header("Authorization", "Bearer " + Admin.token())).body());
        assertThat(bobStored.getString("name")).isNotEqualTo("Alice Only");
        assertThat(Admin.json(Http.send(Http.request("/admin/api/users/" + alice.getString("sub"))
                .header("Authorization", "Bearer " + Admin.token())).body()).getString("name")).isEqualTo("Alice Only");
    }

    static final String FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    /** The sids of a user's live sessions, as the admin API lists them. */
    private static List<String> sids(String sub) {
        return Admin.json(Http.send(Http.request("/admin/api/users/" + sub + "/sessions").header("Authorization", "Bearer " + Admin.token()))
                .body()).getJsonArray("sessions").getValuesAs(JsonObject.class).stream().map(s -> s.getString("sid")).toList();
    }

    /** The rows of the sessions page, one text each. */
    private static List<String> rows(String page) {
        String[] parts = page.split("class=\"t-row\"", -1);
        return List.of(parts).subList(1, parts.length);
    }

    /** The names of every submit button labelled {@code label}, in page order. */
    private static List<String> buttons(String page, String label) {
        Matcher m = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"" + Pattern.quote(label) + "\"").matcher(page);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Issue 20: the code the factor page answers with, redeemed by mfa-web and validated by Nimbus. */
    private static IDTokenClaimsSet mfaTokens(HttpResponse<String> redirect, Map<String, String> request, String verifier) throws Exception {
        return idToken(mfaWeb, redirect, request, verifier);
    }

    /** The code of a redirect to WEB_CB, redeemed by {@code client} and its ID token validated by Nimbus. */
    private static IDTokenClaimsSet idToken(JsonObject client, HttpResponse<String> redirect, Map<String, String> request, String verifier)
            throws Exception {
        Map<String, String> answer = SignIn.redirectParams(redirect);
        assertThat(answer).as(answer.toString()).containsKey("code").containsEntry("state", request.get("state"));
        String clientId = client.getString("client_id");
        ClientAuthentication auth = new ClientSecretBasic(new ClientID(clientId), new Secret(client.getString("client_secret")));
        OIDCTokenResponse tokens = redeem(auth, null, answer.get("code"), WEB_CB, verifier);
        return validator(clientId).validate(tokens.getOIDCTokens().getIDToken(), new Nonce(request.get("nonce")));
    }

    private static Map<String, String> mfaRequest(String verifier, String acrValues) {
        Map<String, String> request = SignIn.codeRequest("mfa-web", WEB_CB, "openid", verifier);
        if (acrValues != null) {
            request.put("acr_values", acrValues);
        }
        return request;
    }

    /** Issue 20 points 1 and 4: enrol on the account page, step a password session up with a code only, refuse a replay. */
    @Test
    void aPasswordSessionIsSteppedUpWithAOneTimeCodeOnlyAndACodeWorksOnce() throws Exception {
        String discovery = Http.send(Http.request("/.well-known/openid-configuration").GET()).body();
        assertThat(discovery).contains("\"urn:tessera:acr:password\"", "\"" + MFA + "\"", "\"" + PHR + "\"");
        SignIn.createUser("otto");
        TotpSteps.Enrolled otto = TotpSteps.enrol(new Browser(), "otto");

        Browser browser = new Browser();
        String verifier = SignIn.verifier();
        Map<String, String> plain = mfaRequest(verifier, null);
        IDTokenClaimsSet password = mfaTokens(SignIn.loginAndApprove(browser, plain, "otto"), plain, verifier);
        assertThat(password.getACR().getValue()).isEqualTo("urn:tessera:acr:password");
        assertThat(password.getAMR()).extracting(Object::toString).containsExactly("pwd");

        Map<String, String> silent = mfaRequest(SignIn.verifier(), MFA);
        silent.put("prompt", "none");
        assertThat(SignIn.redirectParams(SignIn.authorize(browser, silent))).containsEntry("error", "interaction_required")
                .containsEntry("state", silent.get("state"));

        String stepUpVerifier = SignIn.verifier();
        Map<String, String> stepUp = mfaRequest(stepUpVerifier, MFA);
        HttpResponse<String> factorPage = SignIn.authorize(browser, stepUp);
        assertThat(factorPage.body()).as("only the missing factor is asked").contains("id=\"code\"", "id=\"verify\"")
                .doesNotContain("id=\"password\"");
        IDTokenClaimsSet mfa = mfaTokens(browser.follow(browser.submit(factorPage, "verify", Map.of("code", otto.nextCode()))), stepUp, stepUpVerifier);
        assertThat(mfa.getACR().getValue()).isEqualTo(MFA);
        assertThat(mfa.getAMR()).extracting(Object::toString).containsExactly("pwd", "otp", "mfa");
        assertThat(mfa.getAuthenticationTime()).isAfterOrEqualTo(password.getAuthenticationTime());
        assertThat(mfa.getStringClaim("sid")).as("the same session, stepped up").isEqualTo(password.getStringClaim("sid"));

        Browser other = new Browser();
        String otherVerifier = SignIn.verifier();
        Map<String, String> fresh = mfaRequest(otherVerifier, MFA);
        HttpResponse<String> second = SignIn.login(other, SignIn.authorize(other, fresh), "otto", SignIn.PASSWORD);
        HttpResponse<String> replayed = other.follow(other.submit(second, "verify", Map.of("code", otto.lastCode())));
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.body()).as("a used code is refused").contains("class=\"error\"", "id=\"code\"");
        IDTokenClaimsSet full = mfaTokens(other.follow(other.submit(replayed, "verify", Map.of("code", otto.nextCode()))), fresh, otherVerifier);
        assertThat(full.getACR().getValue()).isEqualTo(MFA);
        assertThat(full.getAMR()).extracting(Object::toString).containsExactly("pwd", "otp", "mfa");
    }

    /** Issue 20 point 1: wrong codes count like wrong passwords; past the limit even the right code is refused. */
    @Test
    void secondFactorAttemptsAreThrottled() {
        SignIn.createUser("theo");
        TotpSteps.Enrolled theo = TotpSteps.enrol(new Browser(), "theo");
        Browser browser = new Browser();
        HttpResponse<String> page = SignIn.login(browser, SignIn.authorize(browser, mfaRequest(SignIn.verifier(), MFA)), "theo", SignIn.PASSWORD);
        for (int attempt = 1; attempt <= 5; attempt++) {
            page = browser.follow(browser.submit(page, "verify", Map.of("code", TotpSteps.wrongCode(theo.secret, TotpSteps.step(java.time.Instant.now())))));
            assertThat(page.body()).as("attempt " + attempt).contains("class=\"error\"", "id=\"code\"");
        }
        HttpResponse<String> refused = browser.follow(browser.submit(page, "verify", Map.of("code", theo.nextCode())));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Too many failed attempts with a code or passkey", "id=\"code\"");
    }

    /** Issue 20 points 3 and 6: a recovery code works once, the person hears of it; administrators see and remove factors. */
    @Test
    void aRecoveryCodeSignsInOnceAndAdministratorsManageFactors() throws Exception {
        String sub = SignIn.createUser("rita").getString("sub");
        TotpSteps.Enrolled rita = TotpSteps.enrol(new Browser(), "rita");
        String recovery = rita.recoveryCodes.get(0);

        Browser first = new Browser();
        String verifier = SignIn.verifier();
        Map<String, String> request = mfaRequest(verifier, MFA);
        HttpResponse<String> factorPage = SignIn.login(first, SignIn.authorize(first, request), "rita", SignIn.PASSWORD);
        IDTokenClaimsSet claims = mfaTokens(first.follow(first.submit(factorPage, "verify", Map.of("code", recovery))), request, verifier);
        assertThat(claims.getACR().getValue()).isEqualTo(MFA);

        Browser second = new Browser();
        String secondVerifier = SignIn.verifier();
        Map<String, String> again = mfaRequest(secondVerifier, MFA);
        HttpResponse<String> page = SignIn.login(second, SignIn.authorize(second, again), "rita", SignIn.PASSWORD);
        HttpResponse<String> reused = second.follow(second.submit(page, "verify", Map.of("code", recovery)));
        assertThat(reused.body()).as("a recovery code works once").contains("class=\"error\"", "id=\"code\"");
        HttpResponse<String> notice = second.follow(second.submit(reused, "verify", Map.of("code", rita.recoveryCodes.get(1))));
        assertThat(notice.body()).as("told at the next sign-in").contains("id=\"recovery-notice\"");
        mfaTokens(second.follow(second.submit(notice, "factor-continue", Map.of())), again, secondVerifier);

        String factors = Http.send(Http.request("/admin/api/users/" + sub + "/factors").header("Authorization", "Bearer " + Admin.token()).GET()).body();
        assertThat(Http.get("/openapi").body()).contains("/admin/api/users/{sub}/factors", "/admin/api/users/{sub}/factors/required");
        assertThat(factors).contains("\"type\":\"totp\"", "\"type\":\"recovery_code\"", "\"remaining\":8", "\"mfa_required\":false");
        assertThat(Http.send(Http.request("/admin/api/users/" + sub + "/factors").header("Authorization", "Bearer " + Admin.token())
                .DELETE()).statusCode()).isEqualTo(204);
        assertThat(Http.send(Http.request("/admin/api/users/" + sub + "/factors/required").header("Authorization", "Bearer " + Admin.token())
                .PUT(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);
        assertThat(Http.send(Http.request("/admin/api/users/" + sub + "/factors").header("Authorization", "Bearer " + Admin.token()).GET()).body())
                .contains("\"factors\":[]", "\"mfa_required\":true");
        String audit = "";
        for (int wait = 0; wait < 40 && !audit.contains("admin.user.mfa_required"); wait++) { // the trail is written in batches
            Thread.sleep(250);
            audit = Http.send(Http.request("/admin/api/audit?subject=" + sub + "&limit=200").header("Authorization", "Bearer " + Admin.token()).GET()).body();
        }
        assertThat(audit).contains("mfa.enrolled", "mfa.recovery_code_used", "mfa.removed", "admin.user.mfa_required")
                .doesNotContain(recovery, rita.recoveryCodes.get(1));

        Browser third = new Browser();
        String thirdVerifier = SignIn.verifier();
        Map<String, String> plain = mfaRequest(thirdVerifier, null);
        HttpResponse<String> enrolNow = SignIn.login(third, SignIn.authorize(third, plain), "rita", SignIn.PASSWORD);
        assertThat(enrolNow.body()).as("required by an administrator: led to enrol at once").contains("id=\"factor-enrol\"", "id=\"totp-qr\"");
        String firstCode = TotpSteps.code(TotpSteps.secretOf(enrolNow), TotpSteps.step(java.time.Instant.now()));
        HttpResponse<String> codes = third.follow(third.submit(enrolNow, "totp-confirm", Map.of("totp-code", firstCode)));
        assertThat(codes.body()).contains("id=\"recovery-codes\"", "id=\"factor-continue\"");
        IDTokenClaimsSet enrolled = mfaTokens(third.follow(third.submit(codes, "factor-continue", Map.of())), plain, thirdVerifier);
        assertThat(enrolled.getACR().getValue()).isEqualTo(MFA);
    }

    /**
     * Issue 20 point 4, the paths the other tests leave out: a client's {@code require_mfa} floor forces the second
     * step on a password session (and {@code prompt=none} answers {@code interaction_required}); an essential level a
     * person without a factor cannot reach (enrolment off on this server) shows the unmet page, whose "Back to the
     * application" answers {@code unmet_authentication_requirements}, while the same level asked voluntarily signs the
     * person in at the password level. Without Kerberos, discovery does not list its level.
     */
    @Test
    void aClientFloorForcesTheSecondStepAndAnEssentialLevelNobodyCanReachEndsUnmet() throws Exception {
        String discovery = Http.send(Http.request("/.well-known/openid-configuration").GET()).body();
        assertThat(discovery).contains("\"" + MFA + "\"").doesNotContain("urn:tessera:acr:kerberos");
        JsonObject floored = Admin.createClient("{\"client_id\":\"mfa-floor\",\"redirect_uris\":[\"" + WEB_CB + "\"],"
                + "\"grant_types\":[\"authorization_code\"],\"scope\":\"openid email\",\"require_consent\":false,\"require_mfa\":true}");
        SignIn.createUser("flo");
        TotpSteps.Enrolled flo = TotpSteps.enrol(new Browser(), "flo");
        Browser browser = new Browser();
        String verifier = SignIn.verifier();
        Map<String, String> plain = mfaRequest(verifier, null);
        assertThat(mfaTokens(SignIn.loginAndApprove(browser, plain, "flo"), plain, verifier).getACR().getValue())
                .isEqualTo("urn:tessera:acr:password");

        Map<String, String> silent = SignIn.codeRequest("mfa-floor", WEB_CB, "openid", SignIn.verifier());
        silent.put("prompt", "none");
        assertThat(SignIn.redirectParams(SignIn.authorize(browser, silent))).containsEntry("error", "interaction_required")
                .containsEntry("state", silent.get("state"));
        String flooredVerifier = SignIn.verifier();
        Map<String, String> floorRequest = SignIn.codeRequest("mfa-floor", WEB_CB, "openid", flooredVerifier);
        HttpResponse<String> factorPage = SignIn.authorize(browser, floorRequest);
        assertThat(factorPage.body()).as("the client's floor, though the request asks no level").contains("id=\"code\"", "id=\"verify\"")
                .doesNotContain("id=\"password\"");
        IDTokenClaimsSet stepped = idToken(floored, browser.follow(browser.submit(factorPage, "verify", Map.of("code", flo.nextCode()))),
                floorRequest, flooredVerifier);
        assertThat(stepped.getACR().getValue()).isEqualTo(MFA);
        assertThat(stepped.getAMR()).extracting(Object::toString).containsExactly("pwd", "otp", "mfa");

        SignIn.createUser("una");
        Browser una = new Browser();
        String voluntaryVerifier = SignIn.verifier();
        Map<String, String> voluntary = mfaRequest(voluntaryVerifier, MFA);
        assertThat(mfaTokens(SignIn.loginAndApprove(una, voluntary, "una"), voluntary, voluntaryVerifier).getACR().getValue())
                .as("acr_values alone is voluntary: signed in at the level reached").isEqualTo("urn:tessera:acr:password");
        Map<String, String> essential = mfaRequest(SignIn.verifier(), null);
        essential.put("claims", "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"" + MFA + "\"]}}}");
        Map<String, String> essentialSilent = new java.util.LinkedHashMap<>(essential);
        essentialSilent.put("prompt", "none");
        assertThat(SignIn.redirectParams(SignIn.authorize(una, essentialSilent)))
                .containsEntry("error", "unmet_authentication_requirements");
        HttpResponse<String> unmet = SignIn.authorize(una, essential);
        assertThat(unmet.statusCode()).isEqualTo(200);
        assertThat(unmet.body()).contains("id=\"factor-unavailable\"", "id=\"factor-back\"").doesNotContain("id=\"code\"", "id=\"totp-qr\"");
        assertThat(SignIn.redirectParams(una.follow(una.submit(unmet, "factor-back", Map.of()))))
                .containsEntry("error", "unmet_authentication_requirements").containsEntry("state", essential.get("state"));
    }

    static final String PHR = "urn:tessera:acr:phr";

    /**
     * Issue 20 point 2 in Debian's Chromium with a virtual authenticator (a passkey: resident key, user verification):
     * added on the account page, it signs in without a password at acr phr, and steps a password session up to phr
     * where a code would not do; a browser without it cannot sign in, and there a person without any factor, asked for phr,
     * adds a passkey at sign-in and goes on with it. (A copy with an older counter, refused as a possible clone, is proved
     * without a browser in PasskeyCeremoniesTest: a copy in a second virtual authenticator was not offered by the page.)
     */
    @Test
    void aPasskeySignsInWithoutAPasswordStepsUpToPhrAndAnotherBrowserCannotUseIt() throws Exception {
        Assumptions.assumeTrue(NegotiatingClients.chromiumInstalled(), "No Debian Chromium here: skipped");
        String sub = SignIn.createUser("petra").getString("sub");
        try (LoopbackClient rp = new LoopbackClient(); PortableChromium first = new PortableChromium(); PortableChromium second = new PortableChromium()) {
            JsonObject client = Admin.createClient("{\"client_id\":\"passkey-web\",\"redirect_uris\":[\"" + rp.redirectUri()
                    + "\"],\"grant_types\":[\"authorization_code\"],\"scope\":\"openid\",\"require_consent\":false}");
            WebDriver chromium = first.driver();
            VirtualAuthenticator authenticator = PasskeySteps.authenticator(chromium);
            PasskeySteps.addOnAccountPage(chromium, "petra", "Laptop");
            assertThat(authenticator.getCredentials()).hasSize(1).allSatisfy(c -> assertThat(c.isResidentCredential()).isTrue());

            chromium.manage().deleteAllCookies();
            String verifier = SignIn.verifier();
            Map<String, String> request = SignIn.codeRequest("passkey-web", rp.redirectUri(), "openid", verifier);
            request.put("acr_values", PHR);
            // Chromium's virtual authenticator answers the login page's autofill (conditional mediation) request at once
            // with its one passkey, as a person picking it from the username field would: no button, no password.
            chromium.get(TesseraDeployment.issuer() + "/authorize?" + SignIn.query(request));
            IDTokenClaimsSet passwordless = PasskeySteps.tokens(rp, chromium, client, request, verifier);
            assertThat(passwordless.getACR().getValue()).isEqualTo(PHR);
            assertThat(passwordless.getAMR()).extracting(Object::toString).containsExactly("hwk", "user", "mfa");

            chromium.get(TesseraDeployment.issuer() + "/ui/login.xhtml?return=/ui/account.xhtml"); // cookies are deleted per site
            chromium.manage().deleteAllCookies();
            // The passkey leaves the authenticator while the password is typed (else the autofill would use it at once).
            Credential held = authenticator.getCredentials().get(0);
            authenticator.removeAllCredentials();
            String plainVerifier = SignIn.verifier();
            Map<String, String> plain = SignIn.codeRequest("passkey-web", rp.redirectUri(), "openid", plainVerifier);
            IDTokenClaimsSet password = PasskeySteps.tokens(rp, chromium, client, plain, plainVerifier,
                    () -> first.signInOnly(TesseraDeployment.issuer() + "/authorize?" + SignIn.query(plain), "petra", SignIn.PASSWORD));
            assertThat(password.getACR().getValue()).isEqualTo("urn:tessera:acr:password");
            authenticator.addCredential(Credential.createResidentCredential(held.getId(), "localhost", held.getPrivateKey(),
                    held.getUserHandle(), held.getSignCount()));
            String stepUpVerifier = SignIn.verifier();
            Map<String, String> stepUp = SignIn.codeRequest("passkey-web", rp.redirectUri(), "openid", stepUpVerifier);
            stepUp.put("acr_values", PHR);
            chromium.get(TesseraDeployment.issuer() + "/authorize?" + SignIn.query(stepUp));
            // Asked of the step-up page before the click: after it, the read could meet the client's page and pass for nothing.
            new WebDriverWait(chromium, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("passkey-verify")));
            assertThat(chromium.findElements(By.id("code"))).as("a code cannot reach phr: not offered").isEmpty();
            PasskeySteps.click(chromium, "passkey-verify");
            IDTokenClaimsSet phr = PasskeySteps.tokens(rp, chromium, client, stepUp, stepUpVerifier);
            assertThat(phr.getACR().getValue()).isEqualTo(PHR);
            assertThat(phr.getAMR()).extracting(Object::toString).containsExactly("pwd", "hwk", "user", "mfa");
            assertThat(phr.getStringClaim("sid")).as("the same session, stepped up").isEqualTo(password.getStringClaim("sid"));

            WebDriver other = second.driver();
            VirtualAuthenticator empty = PasskeySteps.authenticator(other);
            other.get(TesseraDeployment.issuer() + "/ui/login.xhtml?return=/ui/account.xhtml");
            PasskeySteps.click(other, "passkey-signin");
            new WebDriverWait(other, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("webauthn-failed")));
            assertThat(other.findElements(By.id("account-whoami"))).as("no passkey here: not signed in").isEmpty();

            // Issue 20 point 4: a person with no factor, whom the policy lets enrol at sign-in (required by an administrator),
            // asked for phr, adds a passkey on the second-step page, then uses it there; the request goes on.
            String pia = SignIn.createUser("pia").getString("sub");
            assertThat(Http.send(Http.request("/admin/api/users/" + pia + "/factors/required").header("Authorization", "Bearer " + Admin.token())
                    .PUT(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);
            String enrolVerifier = SignIn.verifier();
            Map<String, String> enrol = SignIn.codeRequest("passkey-web", rp.redirectUri(), "openid", enrolVerifier);
            enrol.put("acr_values", PHR);
            IDTokenClaimsSet enrolled = PasskeySteps.tokens(rp, other, client, enrol, enrolVerifier, () -> {
                second.signInOnly(TesseraDeployment.issuer() + "/authorize?" + SignIn.query(enrol), "pia", SignIn.PASSWORD);
                PasskeySteps.click(other, "passkey-enrol");
                PasskeySteps.click(other, "passkey-verify");
            });
            assertThat(empty.getCredentials()).as("the passkey made at sign-in").hasSize(1);
            assertThat(enrolled.getACR().getValue()).isEqualTo(PHR);
            assertThat(enrolled.getAMR()).extracting(Object::toString).containsExactly("pwd", "hwk", "user", "mfa");
        }
        String audit = "";
        for (int wait = 0; wait < 40 && !audit.contains("mfa.succeeded"); wait++) { // the trail is written in batches
            Thread.sleep(250);
            audit = Http.send(Http.request("/admin/api/audit?subject=" + sub + "&limit=200").header("Authorization", "Bearer " + Admin.token()).GET()).body();
        }
        assertThat(audit).contains("mfa.enrolled", "mfa.succeeded");
        String factors = Http.send(Http.request("/admin/api/users/" + sub + "/factors").header("Authorization", "Bearer " + Admin.token()).GET()).body();
        assertThat(factors).contains("\"type\":\"webauthn\"");
        assertThat(Http.send(Http.request("/admin/api/users/" + sub + "/factors").header("Authorization", "Bearer " + Admin.token())
                .DELETE()).statusCode()).isEqualTo(204);
        assertThat(Http.send(Http.request("/admin/api/users/" + sub + "/factors").header("Authorization", "Bearer " + Admin.token()).GET()).body())
                .contains("\"factors\":[]");
    }

    /** The name of the submit button whose label is {@code label}, as Faces generated it. */
    private static String findButton(String page, String label) {
        Matcher m = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"" + Pattern.quote(label) + "\"").matcher(page);
        assertThat(m.find()).as("a button " + label).isTrue();
        return m.group(1);
    }

    private static String changePassword(Browser browser, String page, String current, String next, String again) {
        return browser.submit(browser.get(page), "change-password",
                Map.of("current-password", current, "new-password", next, "new-password-again", again)).body();
    }
}
