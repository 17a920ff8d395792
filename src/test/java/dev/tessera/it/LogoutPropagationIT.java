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
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 19: every way an SSO session ends reaches the applications that took part, over OpenID Connect Back-Channel
 * Logout 1.0, with relying parties started here ({@link LogoutReceiver}) and the Nimbus SDK's
 * {@code LogoutTokenValidator} as the judge of the logout token. The server (container payara-micro-logout) idles
 * sessions out after 20 s and tries a delivery 3 times, 1 s then 2 s apart, each for at most 2 s.
 */
@ExtendWith(ArquillianExtension.class)
class LogoutPropagationIT {
    static final String CB = "https://rp.example.com/cb";
    static final String BYE = "https://rp.example.com/bye";
    static final URI TOKEN = URI.create(TesseraDeployment.issuer() + "/token");
    static final Map<String, JsonObject> CLIENTS = new HashMap<>();
    static LogoutReceiver rp;

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
        CLIENTS.put("rp-consented", Admin.createClient("{\"client_id\":\"rp-consented\",\"redirect_uris\":[\"" + CB + "\"],"
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"scope\":\"openid offline_access\","
                + "\"backchannel_logout_uri\":\"" + rp.uri("/ok") + "\"}"));
    }

    @AfterAll
    static void tearDown() {
        rp.close();
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
        String verifier = SignIn.verifier();
        Map<String, String> request = SignIn.codeRequest(clientId, CB, scope, verifier);
        HttpResponse<String> answer = SignIn.authorize(browser, request);
        if (!Browser.isRedirect(answer)) {
            answer = SignIn.login(browser, answer, user, SignIn.PASSWORD);
        }
        if (!Browser.isRedirect(answer) && answer.body().contains("id=\"approve\"")) {
            answer = SignIn.consent(browser, answer, "approve");
        }
        String code = SignIn.redirectParams(answer).get("code");
        var response = OIDCTokenResponseParser.parse(new TokenRequest(TOKEN, auth(clientId),
                new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(CB), new CodeVerifier(verifier))).toHTTPRequest().send());
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
    void discoveryAdvertisesBackChannelLogoutWithSessions() {
        JsonObject metadata = Admin.json(Http.get("/.well-known/openid-configuration").body());
        assertThat(metadata.getBoolean("backchannel_logout_supported")).isTrue();
        assertThat(metadata.getBoolean("backchannel_logout_session_supported")).isTrue();
        assertThat(metadata).as("only what is implemented").doesNotContainKeys("frontchannel_logout_supported", "check_session_iframe");
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
