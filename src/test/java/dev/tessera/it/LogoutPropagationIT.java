package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import jakarta.json.JsonObject;
import dev.tessera.http.WebOrigin;
import dev.tessera.session.SessionStates;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19: every way an SSO session ends reaches the applications that took part, over OpenID Connect Back-Channel
 * Logout 1.0 and, in Debian's Chromium, Front-Channel Logout 1.0 and Session Management 1.0 ({@link RelyingPartyPages}),
 * with relying parties started here ({@link LogoutReceiver}) and the Nimbus SDK's
 * {@code LogoutTokenValidator} as the judge of the logout token. The server (container payara-micro-logout) idles
 * sessions out after 20 s and tries a delivery 3 times, 1 s then 2 s apart, each for at most 2 s.
 */
@ExtendWith(ArquillianExtension.class)
class LogoutPropagationIT {
    static final String CB = "https://rp.example.com/cb";
    static final String BYE = "https://rp.example.com/bye";
    static final URI TOKEN = URI.create(TesseraDeployment.issuer() + "/token");
    static final String CHECK_SESSION = "/session/check";
    static final Map<String, JsonObject> CLIENTS = new HashMap<>();
    static LogoutReceiver rp;
    static RelyingPartyPages appA;
    static RelyingPartyPages appB;

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-logout")
    static WebArchive deployment() {
        return TesseraDeployment.war();
    }

    @BeforeAll
    static void setUp() throws Exception {
        rp = new LogoutReceiver();
        client("rp-ok", "/ok");
        client("rp-fail", "/fail");
        client("rp-hang", "/hang");
        client("rp-flaky", "/flaky");
        client("rp-quiet", null);
        appA = new RelyingPartyPages();
        appB = new RelyingPartyPages();
        CLIENTS.put("fc-a", Admin.createClient("{\"client_id\":\"fc-a\",\"redirect_uris\":[\"" + appA.uri("/cb") + "\"],"
                + "\"post_logout_redirect_uris\":[\"" + appA.uri("/bye") + "\"],\"scope\":\"openid\",\"require_consent\":false,"
                + "\"frontchannel_logout_uri\":\"" + appA.uri("/fc/a") + "\",\"frontchannel_logout_session_required\":true}"));
        CLIENTS.put("fc-b", Admin.createClient("{\"client_id\":\"fc-b\",\"redirect_uris\":[\"" + appB.uri("/cb") + "\"],"
                + "\"scope\":\"openid\",\"require_consent\":false,\"frontchannel_logout_uri\":\"" + appB.uri("/fc/slow") + "\"}"));
        CLIENTS.put("sm", Admin.createClient("{\"client_id\":\"sm\",\"redirect_uris\":[\"" + appA.uri("/cb") + "\"],"
                + "\"scope\":\"openid\",\"require_consent\":false}"));
        CLIENTS.put("rp-consented", Admin.createClient("{\"client_id\":\"rp-consented\",\"redirect_uris\":[\"" + CB + "\"],"
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"scope\":\"openid offline_access\","
                + "\"backchannel_logout_uri\":\"" + rp.uri("/ok") + "\"}"));
    }

    @AfterAll
    static void tearDown() {
        rp.close();
        appA.close();
        appB.close();
    }

    static void client(String id, String path) {
        String backchannel = path == null ? "" : ",\"backchannel_logout_uri\":\"" + rp.uri(path) + "\",\"backchannel_logout_session_required\":true";
        CLIENTS.put(id, Admin.createClient("{\"client_id\":\"" + id + "\",\"redirect_uris\":[\"" + CB + "\"],"
                + "\"post_logout_redirect_uris\":[\"" + BYE + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                + "\"scope\":\"openid offline_access\",\"require_consent\":false" + backchannel + "}"));
    }

    static ClientSecretBasic auth(String clientId) {
        return new ClientSecretBasic(new ClientID(clientId), new Secret(CLIENTS.get(clientId).getString("client_secret")));
    }

    /** Signs {@code user} in to {@code clientId} in {@code browser} (logging in only if it has no session yet). */
    static OIDCTokenResponse signIn(Browser browser, String clientId, String user, String scope) throws Exception {
        return signIn(browser, clientId, user, scope, CB);
    }

    static OIDCTokenResponse signIn(Browser browser, String clientId, String user, String scope, String redirect) throws Exception {
        String verifier = SignIn.verifier();
        Map<String, String> request = SignIn.codeRequest(clientId, redirect, scope, verifier);
        HttpResponse<String> answer = SignIn.authorize(browser, request);
        if (!Browser.isRedirect(answer)) {
            answer = SignIn.login(browser, answer, user, SignIn.PASSWORD);
        }
        if (!Browser.isRedirect(answer) && answer.body().contains("id=\"approve\"")) {
            answer = SignIn.consent(browser, answer, "approve");
        }
        return redeem(clientId, SignIn.redirectParams(answer).get("code"), redirect, verifier);
    }

    static OIDCTokenResponse redeem(String clientId, String code, String redirect, String verifier) throws Exception {
        var response = OIDCTokenResponseParser.parse(new TokenRequest(TOKEN, auth(clientId),
                new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(redirect), new CodeVerifier(verifier))).toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).isTrue();
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    static String sid(OIDCTokenResponse tokens) throws Exception {
        return tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getStringClaim("sid");
    }

    static int refresh(String clientId, OIDCTokenResponse tokens) throws Exception {
        return new TokenRequest(TOKEN, auth(clientId), new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()))
                .toHTTPRequest().send().getStatusCode();
    }

    static HttpResponse<String> logout(Browser browser, OIDCTokenResponse tokens) {
        return browser.get("/logout?" + SignIn.query(Map.of("id_token_hint", tokens.getOIDCTokens().getIDTokenString(),
                "post_logout_redirect_uri", BYE)));
    }

    static HttpResponse<String> admin(String method, String path) {
        return Http.send(Http.request(path).header("Authorization", "Bearer " + Admin.token())
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    static JsonObject deliveries(String clientId) {
        HttpResponse<String> response = admin("GET", "/admin/api/logout-deliveries?client_id=" + clientId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Admin.json(response.body());
    }

    @Test
    void discoveryAdvertisesBackAndFrontChannelLogoutWithSessionsAndTheCheckSessionIframe() {
        JsonObject metadata = Admin.json(Http.get("/.well-known/openid-configuration").body());
        assertThat(metadata.getBoolean("backchannel_logout_supported")).isTrue();
        assertThat(metadata.getBoolean("backchannel_logout_session_supported")).isTrue();
        assertThat(metadata.getBoolean("frontchannel_logout_supported")).isTrue();
        assertThat(metadata.getBoolean("frontchannel_logout_session_supported")).isTrue();
        assertThat(metadata.getString("check_session_iframe")).isEqualTo(TesseraDeployment.issuer() + CHECK_SESSION);
        HttpResponse<String> iframe = Http.get(CHECK_SESSION);
        assertThat(iframe.statusCode()).isEqualTo(200);
        assertThat(iframe.body()).contains("src=\"/static/check-session.js\"", "data-cookie=\"tessera_bs\"").doesNotContain("<script>");
        assertThat(iframe.headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("Session Management 1.0 §4.2: relying parties frame it").contains("frame-ancestors *", "script-src 'self'");
        assertThat(iframe.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(Http.get("/ui/logout.xhtml?done=true").headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("every other page keeps its policy").contains("frame-ancestors 'none'").doesNotContain("frame-src");
    }

    @Test
    void rpInitiatedLogoutSendsEachClientOfTheSessionALogoutTokenThatNimbusAccepts() throws Exception {
        String sub = SignIn.createUser("ada").getString("sub");
        Browser browser = new Browser();
        OIDCTokenResponse ok = signIn(browser, "rp-ok", "ada", "openid");
        signIn(browser, "rp-quiet", "ada", "openid");
        String sid = sid(ok);

        HttpResponse<String> logout = logout(browser, ok);
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Location")).hasValue(BYE);

        List<LogoutReceiver.Received> posts = rp.await("/ok", LogoutReceiver.sid(sid), 1, 15);
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).contentType()).startsWith("application/x-www-form-urlencoded");
        LogoutTokenValidator validator = new LogoutTokenValidator(new Issuer(TesseraDeployment.issuer()), new ClientID("rp-ok"), true,
                new JWSVerificationKeySelector<SecurityContext>(JWSAlgorithm.RS256,
                        new ImmutableJWKSet<>(JWKSet.load(new URL(TesseraDeployment.issuer() + "/jwks")))), null);
        LogoutTokenClaimsSet claims = validator.validate(JWTParser.parse(posts.get(0).token()));
        assertThat(claims.getSessionID().getValue()).isEqualTo(sid);
        assertThat(claims.getSubject().getValue()).isEqualTo(sub);
        assertThat(claims.getJWTID()).isNotNull();
        assertThat(claims.toJWTClaimsSet().getClaims()).doesNotContainKey("nonce");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isBetween(1_000L, 120_000L);
        assertThat(JWTParser.parse(posts.get(0).token()).getHeader().getType().getType()).isEqualTo("logout+jwt");

        assertThat(refresh("rp-ok", ok)).as("the session's refresh tokens are revoked").isEqualTo(400);
        JsonObject summary = deliveries("rp-ok");
        assertThat(summary.getJsonNumber("delivered").longValue()).isGreaterThanOrEqualTo(1);
        assertThat(summary.getJsonArray("deliveries").getValuesAs(JsonObject.class))
                .anySatisfy(d -> assertThat(d.getString("sid", "")).isEqualTo(sid));
        assertThat(deliveries("rp-quiet").getJsonArray("deliveries")).as("no backchannel_logout_uri, nothing to deliver").isEmpty();
        assertThat(rp.at("/fail", LogoutReceiver.sid(sid))).as("a client outside the session hears nothing").isEmpty();
    }

    @Test
    void failingAndHangingApplicationsNeverDelayTheLogoutAndAreRetriedThenGivenUp() throws Exception {
        SignIn.createUser("bob");
        Browser browser = new Browser();
        OIDCTokenResponse first = signIn(browser, "rp-fail", "bob", "openid");
        signIn(browser, "rp-hang", "bob", "openid");
        signIn(browser, "rp-flaky", "bob", "openid");
        String sid = sid(first);

        long started = System.nanoTime();
        HttpResponse<String> logout = logout(browser, first);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(millis).as("the logout answers without waiting for any application").isLessThan(1_500);

        assertThat(rp.await("/fail", LogoutReceiver.sid(sid), 3, 30)).as("three attempts").hasSize(3);
        assertThat(rp.await("/flaky", LogoutReceiver.sid(sid), 2, 30)).as("retried once, then delivered").hasSize(2);
        assertThat(rp.await("/hang", LogoutReceiver.sid(sid), 3, 40)).as("each hanging attempt times out and is retried").hasSize(3);
        assertThat(rp.at("/fail", LogoutReceiver.sid(sid)).stream().map(r -> {
            try {
                return r.claims().getJWTID();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).as("one logout, one jti on every attempt").hasSize(1);

        awaitStatus("rp-fail", sid, "given_up", "HTTP 500");
        awaitStatus("rp-hang", sid, "given_up", "timed out after 2 s");
        awaitStatus("rp-flaky", sid, "delivered", "HTTP 500");
        assertThat(deliveries("rp-flaky").getJsonNumber("delivered_after_retry").longValue()).isGreaterThanOrEqualTo(1);
        HttpResponse<String> givenUp = admin("GET", "/admin/api/logout-deliveries?status=given_up");
        assertThat(givenUp.body()).contains(sid);
        Scrape metrics = Scrape.now();
        assertThat(metrics.sum("tessera_logout_deliveries_total", "client=rp-fail", "outcome=retry")).isGreaterThanOrEqualTo(2);
        assertThat(metrics.sum("tessera_logout_deliveries_total", "client=rp-fail", "outcome=given_up")).isGreaterThanOrEqualTo(1);
        assertThat(metrics.sum("tessera_logout_deliveries_total", "client=rp-flaky", "outcome=delivered")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anAdministratorEndsOneSessionThenAllAndEachNotifiesItsApplicationsAndRevokesItsRefreshTokens() throws Exception {
        String sub = SignIn.createUser("cy").getString("sub");
        Browser laptop = new Browser();
        Browser phone = new Browser();
        OIDCTokenResponse onLaptop = signIn(laptop, "rp-ok", "cy", "openid");
        OIDCTokenResponse onPhone = signIn(phone, "rp-ok", "cy", "openid");
        OIDCTokenResponse offline = signIn(phone, "rp-quiet", "cy", "openid offline_access");
        String laptopSid = sid(onLaptop);
        String phoneSid = sid(onPhone);

        JsonObject listed = Admin.json(admin("GET", "/admin/api/users/" + sub + "/sessions").body());
        assertThat(listed.getJsonArray("sessions").getValuesAs(JsonObject.class)).extracting(j -> j.getString("sid"))
                .containsExactlyInAnyOrder(laptopSid, phoneSid);
        assertThat(listed.getJsonArray("sessions").getValuesAs(JsonObject.class)).filteredOn(j -> j.getString("sid").equals(phoneSid))
                .singleElement().satisfies(j -> assertThat(j.getJsonArray("clients").toString()).contains("rp-ok", "rp-quiet"));

        assertThat(admin("DELETE", "/admin/api/users/" + sub + "/sessions/" + laptopSid).statusCode()).isEqualTo(204);
        assertThat(rp.await("/ok", LogoutReceiver.sid(laptopSid), 1, 15)).hasSize(1);
        assertThat(refresh("rp-ok", onLaptop)).as("the ended session's refresh token").isEqualTo(400);
        assertThat(refresh("rp-ok", onPhone)).as("the other session lives on").isEqualTo(200);
        assertThat(rp.at("/ok", LogoutReceiver.sid(phoneSid))).isEmpty();
        assertThat(admin("DELETE", "/admin/api/users/" + sub + "/sessions/" + laptopSid).statusCode()).isEqualTo(404);

        assertThat(admin("DELETE", "/admin/api/users/" + sub + "/sessions").statusCode()).isEqualTo(204);
        assertThat(rp.await("/ok", LogoutReceiver.sid(phoneSid), 1, 15)).hasSize(1);
        assertThat(refresh("rp-quiet", offline)).as("an offline refresh token outlives the session").isEqualTo(200);
        Map<String, String> silent = SignIn.codeRequest("rp-ok", CB, "openid", SignIn.verifier());
        silent.put("prompt", "none");
        assertThat(SignIn.redirectParams(SignIn.authorize(phone, silent))).containsEntry("error", "login_required");

        assertThat(admin("DELETE", "/admin/api/users/" + sub + "/sessions?everywhere=true").statusCode()).isEqualTo(204);
        assertThat(new TokenRequest(TOKEN, auth("rp-quiet"), new RefreshTokenGrant(offline.getOIDCTokens().getRefreshToken()))
                .toHTTPRequest().send().getStatusCode()).as("everywhere: offline tokens too").isEqualTo(400);
    }

    @Test
    void aPasswordResetADisabledAndADeletedAccountEachNotifyTheApplications() throws Exception {
        String sub = SignIn.createUser("dee").getString("sub");
        OIDCTokenResponse beforeReset = signIn(new Browser(), "rp-ok", "dee", "openid");
        HttpResponse<String> reset = Http.send(Http.request("/admin/api/users/" + sub + "/password")
                .header("Authorization", "Bearer " + Admin.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"" + SignIn.PASSWORD + "\"}")));
        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(rp.await("/ok", LogoutReceiver.sid(sid(beforeReset)), 1, 15)).hasSize(1);

        OIDCTokenResponse beforeDisable = signIn(new Browser(), "rp-ok", "dee", "openid");
        assertThat(admin("POST", "/admin/api/users/" + sub + "/disable").statusCode()).isEqualTo(200);
        assertThat(rp.await("/ok", LogoutReceiver.sid(sid(beforeDisable)), 1, 15)).hasSize(1);
        assertThat(admin("POST", "/admin/api/users/" + sub + "/enable").statusCode()).isEqualTo(200);

        OIDCTokenResponse beforeDelete = signIn(new Browser(), "rp-ok", "dee", "openid");
        assertThat(admin("DELETE", "/admin/api/users/" + sub).statusCode()).isEqualTo(204);
        assertThat(rp.await("/ok", LogoutReceiver.sid(sid(beforeDelete)), 1, 15)).hasSize(1);
        assertThat(deliveries("rp-ok").getJsonArray("deliveries").getValuesAs(JsonObject.class))
                .filteredOn(d -> sub.equals(d.getString("sub"))).extracting(d -> d.getString("reason"))
                .contains("password_changed", "account_disabled", "account_deleted");
    }

    @Test
    void aSessionThatIdlesOutIsEndedAndItsApplicationsNotified() throws Exception {
        SignIn.createUser("eve");
        Browser browser = new Browser();
        OIDCTokenResponse tokens = signIn(browser, "rp-ok", "eve", "openid");
        String sid = sid(tokens);
        List<LogoutReceiver.Received> posts = rp.await("/ok", LogoutReceiver.sid(sid), 1, 45);
        assertThat(posts).as("idle timeout 20 s, sweep every 2 s").hasSize(1);
        assertThat(refresh("rp-ok", tokens)).isEqualTo(400);
        assertThat(deliveries("rp-ok").getJsonArray("deliveries").getValuesAs(JsonObject.class))
                .filteredOn(d -> sid.equals(d.getString("sid", ""))).extracting(d -> d.getString("reason")).containsExactly("expired");
    }

    @Test
    void revokingAConsentRevokesTheClientsTokensAndSendsItALogoutForThePerson() throws Exception {
        String sub = SignIn.createUser("fay").getString("sub");
        OIDCTokenResponse tokens = signIn(new Browser(), "rp-consented", "fay", "openid offline_access");
        JsonObject listed = Admin.json(admin("GET", "/admin/api/users/" + sub + "/consents").body());
        assertThat(listed.getJsonArray("consents").getValuesAs(JsonObject.class)).singleElement()
                .satisfies(c -> assertThat(c.getString("client_id")).isEqualTo("rp-consented"));

        assertThat(admin("DELETE", "/admin/api/users/" + sub + "/consents/rp-consented").statusCode()).isEqualTo(204);
        List<LogoutReceiver.Received> posts = rp.await("/ok", LogoutReceiver.sub(sub).and(c -> c.getClaim("sid") == null), 1, 15);
        assertThat(posts).as("a logout token naming the person, without a session").hasSize(1);
        assertThat(posts.get(0).claims().getAudience()).containsExactly("rp-consented");
        assertThat(refresh("rp-consented", tokens)).as("the offline refresh token goes with the consent").isEqualTo(400);
        assertThat(Admin.json(admin("GET", "/admin/api/users/" + sub + "/consents").body()).getJsonArray("consents")).isEmpty();
        assertThat(admin("DELETE", "/admin/api/users/" + sub + "/consents/rp-consented").statusCode()).isEqualTo(404);
    }

    @Test
    void frontChannelLogoutLoadsEachApplicationsLogoutPageInTheBrowserBeforeTheRedirect() throws Exception {
        assumeChromium();
        SignIn.createUser("gil");
        // The response itself, as the protocol sees it: exactly the two applications' origins may be framed.
        Browser browser = new Browser();
        OIDCTokenResponse tokens = signIn(browser, "fc-a", "gil", "openid", appA.uri("/cb"));
        signIn(browser, "fc-b", "gil", "openid", appB.uri("/cb"));
        signIn(browser, "rp-quiet", "gil", "openid");
        HttpResponse<String> page = browser.get("/logout?" + SignIn.query(Map.of("id_token_hint", tokens.getOIDCTokens().getIDTokenString(),
                "post_logout_redirect_uri", appA.uri("/bye"), "state", "s1")));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertFramesExactly(page, appA.uri("/fc/a?iss=" + enc(TesseraDeployment.issuer()) + "&sid=" + enc(sid(tokens))), appB.uri("/fc/slow"));
        assertThat(page.body()).contains("id=\"logout-continue\" href=\"" + appA.uri("/bye") + "?state=s1\"");
        assertThat(browser.setCookies()).anyMatch(c -> c.startsWith("tessera_sso=;"));
        Map<String, String> silent = SignIn.codeRequest("fc-a", appA.uri("/cb"), "openid", SignIn.verifier());
        silent.put("prompt", "none");
        assertThat(SignIn.redirectParams(SignIn.authorize(browser, silent))).containsEntry("error", "login_required");

        // The confirmation page's way (no id_token_hint) renders the same iframes from the Faces page.
        Browser other = new Browser();
        String otherSid = sid(signIn(other, "fc-a", "gil", "openid", appA.uri("/cb")));
        HttpResponse<String> confirm = other.follow(other.get("/logout"));
        HttpResponse<String> confirmed = other.submit(confirm, "logout", Map.of());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertFramesExactly(confirmed, appA.uri("/fc/a?iss=" + enc(TesseraDeployment.issuer()) + "&sid=" + enc(otherSid)));
        assertThat(confirmed.body()).contains("id=\"logout-continue\" href=\"" + TesseraDeployment.issuer() + "/ui/logout.xhtml?done=true\"");

        // The account page's "sign out everywhere", from a browser signed in to fc-a: the same signed-out page with the
        // iframe of this browser's session (other browsers' sessions have no page: back-channel only).
        Browser fromAccount = new Browser();
        String accountSid = sid(signIn(fromAccount, "fc-a", "gil", "openid", appA.uri("/cb")));
        HttpResponse<String> account = fromAccount.follow(fromAccount.get("/account"));
        assertThat(account.body()).as(account.body()).contains("id=\"account-whoami\"");
        HttpResponse<String> everywhere = fromAccount.submit(fromAccount.get("/ui/account-sessions.xhtml"), "sign-out-everywhere", Map.of());
        assertThat(everywhere.statusCode()).as(everywhere.body()).isEqualTo(200);
        assertFramesExactly(everywhere, appA.uri("/fc/a?iss=" + enc(TesseraDeployment.issuer()) + "&sid=" + enc(accountSid)));
        assertThat(fromAccount.setCookies()).anyMatch(c -> c.startsWith("tessera_sso=;"));

        // Debian's Chromium: both iframes are requested, and the browser reaches the application only after the slow one.
        try (PortableChromium chromium = new PortableChromium()) {
            WebDriver driver = chromium.driver();
            String verifier = SignIn.verifier();
            Map<String, String> code = browserSignIn(driver, "fc-a", appA.uri("/cb"), verifier, "gil");
            OIDCTokenResponse inChromium = redeem("fc-a", code.get("code"), appA.uri("/cb"), verifier);
            browserSignIn(driver, "fc-b", appB.uri("/cb"), SignIn.verifier(), null);
            driver.get(TesseraDeployment.issuer() + "/logout?" + SignIn.query(Map.of("id_token_hint",
                    inChromium.getOIDCTokens().getIDTokenString(), "post_logout_redirect_uri", appA.uri("/bye"), "state", "s2")));
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains(appA.uri("/bye")));

            RelyingPartyPages.Hit bye = appA.at("/bye").stream().filter(h -> "state=s2".equals(h.query())).findFirst().orElseThrow();
            String chromiumSid = sid(inChromium);
            RelyingPartyPages.Hit frameA = appA.at("/fc/a").stream().filter(h -> h.query().endsWith(enc(chromiumSid))).findFirst()
                    .orElseThrow();
            RelyingPartyPages.Hit frameB = appB.at("/fc/slow").get(appB.at("/fc/slow").size() - 1);
            assertThat(frameA.query()).isEqualTo("iss=" + enc(TesseraDeployment.issuer()) + "&sid=" + enc(chromiumSid));
            assertThat(frameB.query()).as("no frontchannel_logout_session_required: no iss, no sid").isNull();
            assertThat(frameA.order()).as("the first application's iframe before the redirect").isLessThan(bye.order());
            assertThat(frameB.order()).as("the second application's iframe before the redirect").isLessThan(bye.order());
            assertThat(Duration.ofNanos(bye.nanos() - frameB.nanos())).as("the page waited for the slow iframe to load")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1_400));
        }
    }

    @Test
    void theCheckSessionIframeAnswersUnchangedWhileSignedInAndChangedAfterASignOutInAnotherTab() throws Exception {
        assumeChromium();
        SignIn.createUser("hal");
        Browser anonymous = new Browser();
        Map<String, String> silent = SignIn.codeRequest("sm", appA.uri("/cb"), "openid", SignIn.verifier());
        silent.put("prompt", "none");
        Map<String, String> refused = SignIn.redirectParams(SignIn.authorize(anonymous, silent));
        assertThat(refused).containsEntry("error", "login_required").containsKey("session_state");
        assertThat(anonymous.setCookies()).as("a browser state for the signed-out browser").anyMatch(c -> c.startsWith("tessera_bs="));

        try (PortableChromium chromium = new PortableChromium()) {
            WebDriver driver = chromium.driver();
            Map<String, String> response = browserSignIn(driver, "sm", appA.uri("/cb"), SignIn.verifier(), "hal");
            String issued = response.get("session_state");
            assertThat(issued).as("Session Management 1.0 §3: in the authorization response").isNotNull();
            driver.get(TesseraDeployment.issuer() + "/.well-known/openid-configuration");
            String browserState = driver.manage().getCookieNamed("tessera_bs").getValue();
            String salt = issued.substring(issued.lastIndexOf('.') + 1);
            assertThat(issued).as("computed over the redirect URI's origin and this browser's state")
                    .isEqualTo(SessionStates.compute("sm", WebOrigin.of(appA.uri("/cb")).orElseThrow(), browserState, salt));

            // The relying party's page must be on the issuer's site to read its cookie in the iframe (SameSite=Lax): the
            // application under the name localhost. Redirect URIs may not be http://localhost (RFC 8252 §8.3), so the test
            // computes the state this origin would have received, with the salt and the browser state above.
            String local = SessionStates.compute("sm", WebOrigin.of(appA.localhostUri("/")).orElseThrow(), browserState, salt);
            driver.get(appA.localhostUri("/rp.html?op=" + TesseraDeployment.issuer() + CHECK_SESSION));
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                    .executeScript("return window.opLoaded === true")));
            assertThat(check(driver, "sm " + local)).isEqualTo("unchanged");
            assertThat(check(driver, "sm " + issued)).as("issued to another origin: the origin is in the hash").isEqualTo("changed");
            assertThat(check(driver, "other " + local)).as("another client").isEqualTo("changed");
            assertThat(check(driver, "no-session-state")).isEqualTo("error");

            String rpTab = driver.getWindowHandle();
            driver.switchTo().newWindow(WindowType.TAB);
            driver.get(TesseraDeployment.issuer() + "/logout");
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
            driver.switchTo().window(rpTab);
            assertThat(check(driver, "sm " + local)).as("signed out in the other tab").isEqualTo("changed");
        }
    }

    /** The page loads exactly {@code frames} and may frame exactly their origins; the continue link is there. */
    static void assertFramesExactly(HttpResponse<String> page, String... frames) {
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        List<String> frameSrc = Arrays.stream(csp.split(";")).map(String::trim).filter(d -> d.startsWith("frame-src "))
                .flatMap(d -> Arrays.stream(d.substring("frame-src ".length()).split(" "))).toList();
        assertThat(frameSrc).as(csp).containsExactlyInAnyOrderElementsOf(Arrays.stream(frames)
                .map(f -> WebOrigin.of(f).orElseThrow()).distinct().toList());
        assertThat(csp).contains("frame-ancestors 'none'", "script-src 'self'");
        List<String> srcs = new ArrayList<>();
        Matcher m = Pattern.compile("<iframe[^>]*src=\"([^\"]*)\"").matcher(page.body());
        while (m.find()) {
            srcs.add(Browser.unescape(m.group(1)));
        }
        assertThat(srcs).containsExactlyInAnyOrder(frames);
        assertThat(page.body()).contains("<script src=\"/static/frontchannel-logout.js\"></script>", "id=\"logout-continue\"")
                .doesNotContain("<iframe class=\"t-frontchannel\" data-frontchannel=\"true\" src=\"\"");
    }

    /** Signs in at {@code clientId} in Chromium (the login page only when {@code user} is given); the redirect's parameters. */
    static Map<String, String> browserSignIn(WebDriver driver, String clientId, String redirect, String verifier, String user) {
        driver.get(TesseraDeployment.issuer() + "/authorize?" + SignIn.query(SignIn.codeRequest(clientId, redirect, "openid", verifier)));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        if (user != null) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(user);
            driver.findElement(By.id("password")).sendKeys(SignIn.PASSWORD);
            driver.findElement(By.id("login")).click();
        }
        wait.until(ExpectedConditions.urlContains(redirect));
        return LoopbackClient.parse(URI.create(driver.getCurrentUrl()).getRawQuery());
    }

    /** Posts {@code message} to the check_session iframe from the relying party's page; its answer. */
    static String check(WebDriver driver, String message) {
        ((JavascriptExecutor) driver).executeScript("window.check(arguments[0])", message);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(d -> !d.findElement(By.id("answer")).getText().isEmpty());
        return driver.findElement(By.id("answer")).getText();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void assumeChromium() {
        Assumptions.assumeTrue(Files.isExecutable(BrowserPagesIT.CHROMIUM) && Files.isExecutable(BrowserPagesIT.CHROMEDRIVER),
                "Debian's Chromium and chromedriver are needed");
        System.setProperty("webdriver.chrome.driver", BrowserPagesIT.CHROMEDRIVER.toString());
    }

    /** Waits for the admin API to show the session's delivery to a client in {@code status} with {@code lastError}. */
    static void awaitStatus(String clientId, String sid, String status, String lastError) throws InterruptedException {
        JsonObject delivery = null;
        for (int i = 0; i < 50; i++) {
            delivery = deliveries(clientId).getJsonArray("deliveries").getValuesAs(JsonObject.class).stream()
                    .filter(d -> sid.equals(d.getString("sid", ""))).findFirst().orElse(null);
            if (delivery != null && status.equals(delivery.getString("status"))) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(delivery).isNotNull();
        assertThat(delivery.getString("status")).as(delivery.toString()).isEqualTo(status);
        assertThat(delivery.getString("last_error", "")).as(delivery.toString()).isEqualTo(status.equals("delivered") ? "" : lastError);
    }
}
