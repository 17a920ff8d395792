package dev.tessera.it;

import static dev.tessera.it.FoundationIT.assertJsonError;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an attacker tries against the browser flow: redirect URI look-alikes (which must show the error
 * page and never redirect), code replay, PKCE downgrade, refresh token reuse and widening, and using
 * another client's code or refresh token.
 */
@ExtendWith(ArquillianExtension.class)
class SignInAttacksIT {
    static final String CB = "https://rp.example.com/cb";
    static JsonObject web;
    static JsonObject other;
    static JsonObject noPkce;
    static JsonObject retrying;
    static JsonObject briefRetry;
    static JsonObject ropc;
    static JsonObject lockoutVictim;
    static JsonObject opaqueVictim;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TesseraDeployment.war();
    }

    @BeforeAll
    static void setUp() {
        SignIn.createUser("mallory-target");
        String common = "\"redirect_uris\":[\"" + CB + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                + "\"scope\":\"openid profile email\",\"require_consent\":false";
        web = Admin.createClient("{\"client_id\":\"victim\"," + common + "}");
        other = Admin.createClient("{\"client_id\":\"attacker\"," + common + "}");
        noPkce = Admin.createClient("{\"client_id\":\"legacy\",\"require_pkce\":false," + common + "}");
        retrying = Admin.createClient("{\"client_id\":\"retrying\",\"refresh_token_reuse_interval\":60," + common + "}");
        lockoutVictim = SignIn.createUser("lockout-victim");
        ropc = Admin.createClient("{\"client_id\":\"ropc\",\"grant_types\":[\"password\"],\"scope\":\"openid\"}");
        briefRetry = Admin.createClient("{\"client_id\":\"brief-retry\",\"refresh_token_reuse_interval\":1," + common + "}");
        opaqueVictim = Admin.createClient("{\"client_id\":\"opaque-victim\",\"access_token_format\":\"opaque\"," + common + "}");
    }

    static String basic(JsonObject client) {
        return Admin.basic(client.getString("client_id"), client.getString("client_secret"));
    }

    static HttpResponse<String> token(String authorization, Map<String, String> form) {
        return Http.send(Http.request("/token").header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(SignIn.query(form))));
    }

    /** A fresh code for {@code clientId}, and the verifier it was requested with (null for none). */
    static String[] code(String clientId, boolean pkce) {
        String verifier = pkce ? SignIn.verifier() : null;
        Map<String, String> answer = SignIn.redirectParams(SignIn.loginAndApprove(new Browser(),
                SignIn.codeRequest(clientId, CB, "openid profile", verifier), "mallory-target"));
        return new String[] {answer.get("code"), verifier};
    }

    static Map<String, String> redeem(String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", CB));
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return form;
    }

    @Test
    void redirectUriLookAlikesShowTheErrorPageAndNeverRedirect() {
        for (String evil : List.of(CB + "/extra", "https://rp.example.com/cb/../cb", "https://rp.example.com/%2e%2e/cb",
                CB + "?x=1", "https://RP.example.com/cb", "https://rp.example.com/CB", "https://rp.example.com@evil.example/cb",
                "https://evil.example@rp.example.com/cb", CB + "#frag", "https://rp.example.com:443/cb", "http://rp.example.com/cb")) {
            Map<String, String> request = SignIn.codeRequest("victim", evil, "openid", SignIn.verifier());
            HttpResponse<String> response = new Browser().get("/authorize?" + SignIn.query(request));
            assertThat(response.statusCode()).as(evil).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).as(evil).isEmpty();
            assertThat(response.body()).as(evil).contains("redirect_uri is not registered");
        }
    }

    @Test
    void unknownClientShowsTheErrorPage() {
        HttpResponse<String> response = new Browser().get("/authorize?" + SignIn.query(SignIn.codeRequest("nobody", CB, "openid", SignIn.verifier())));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void errorsAfterTheRedirectUriIsVerifiedGoBackToTheClient() {
        Map<String, String> request = SignIn.codeRequest("victim", CB, "openid admin", SignIn.verifier());
        assertThat(SignIn.redirectParams(new Browser().get("/authorize?" + SignIn.query(request))))
                .containsEntry("error", "invalid_scope").containsEntry("state", request.get("state"));
        // Neither PKCE nor an OpenID nonce binds the code (RFC 9700 §2.1.1).
        Map<String, String> noChallenge = SignIn.codeRequest("victim", CB, "openid", null);
        noChallenge.remove("nonce");
        assertThat(SignIn.redirectParams(new Browser().get("/authorize?" + SignIn.query(noChallenge)))).containsEntry("error", "invalid_request");
        Map<String, String> withRequest = SignIn.codeRequest("victim", CB, "openid", SignIn.verifier());
        withRequest.put("request", "eyJhbGciOiJub25lIn0.e30.");
        assertThat(SignIn.redirectParams(new Browser().get("/authorize?" + SignIn.query(withRequest)))).containsEntry("error", "request_not_supported");
        // A refused request object asking for form_post gets its error by form_post, to the verified redirect URI.
        Map<String, String> formPostObject = SignIn.codeRequest("victim", CB, "openid", SignIn.verifier());
        formPostObject.put("request", "eyJhbGciOiJub25lIn0." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"response_mode\":\"form_post\",\"redirect_uri\":\"https://evil.example/cb\"}".getBytes(StandardCharsets.UTF_8)) + ".");
        HttpResponse<String> page = new Browser().get("/authorize?" + SignIn.query(formPostObject));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("action=\"" + CB + "\"", "name=\"error\" value=\"request_not_supported\"",
                "name=\"state\" value=\"" + formPostObject.get("state") + "\"").doesNotContain("evil.example");
        String repeated = SignIn.query(SignIn.codeRequest("victim", CB, "openid", SignIn.verifier())) + "&scope=openid";
        assertThat(SignIn.redirectParams(new Browser().get("/authorize?" + repeated))).containsEntry("error", "invalid_request");
    }

    /**
     * RFC 6749 §4.1.2.1: error_description only in %x20-21 / %x23-5B / %x5D-7E, whichever response mode
     * carries it: the response_type with CR LF (query, the mode before response_mode is read), then an
     * echoed prompt value in the query, the fragment and a form_post page.
     */
    @Test
    void anEchoedCrLfNeverLeavesInAnErrorDescription() {
        String injected = "\r\nX-Injected: yes\"\\";
        String allowed = "[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+";
        Map<String, String> badType = SignIn.codeRequest("victim", CB, "openid", SignIn.verifier());
        badType.put("response_type", "code" + injected);
        HttpResponse<String> typeAnswer = new Browser().get("/authorize?" + SignIn.query(badType));
        assertThat(typeAnswer.headers().allValues("X-Injected")).isEmpty();
        assertThat(SignIn.redirectParams(typeAnswer)).containsEntry("error", "unsupported_response_type")
                .hasEntrySatisfying("error_description", d -> assertThat(d).matches(allowed).contains("X-Injected"));
        for (String mode : List.of("query", "fragment", "form_post")) {
            Map<String, String> request = SignIn.codeRequest("victim", CB, "openid", SignIn.verifier());
            request.put("prompt", "login" + injected);
            request.put("response_mode", mode);
            HttpResponse<String> response = new Browser().get("/authorize?" + SignIn.query(request));
            assertThat(response.headers().allValues("X-Injected")).as(mode).isEmpty();
            String description = mode.equals("form_post")
                    ? response.body().replaceAll("(?s).*name=\"error_description\" value=\"([^\"]*)\".*", "$1")
                    : SignIn.redirectParams(response).get("error_description");
            assertThat(description).as(mode).contains("X-Injected").doesNotContain("&quot;", "&amp;").matches(allowed);
        }
    }

    /** Issue 18 point 6: the flow, session and SSO cookies of a sign-in are all HttpOnly and SameSite. */
    @Test
    void everyCookieOfASignInIsHttpOnlyAndSameSite() {
        Browser browser = new Browser();
        SignIn.loginAndApprove(browser, SignIn.codeRequest("victim", CB, "openid", SignIn.verifier()), "mallory-target");
        assertThat(browser.setCookies()).anyMatch(c -> c.startsWith("tessera_flow_")).anyMatch(c -> c.startsWith("JSESSIONID="))
                .anyMatch(c -> c.startsWith("tessera_sso="));
        SignIn.assertCookiesHardened(browser.setCookies(), false);
    }

    @Test
    void aReplayedCodeIsRefusedAndRevokesTheTokensOfTheFirstRedemption() {
        String[] code = code("victim", true);
        HttpResponse<String> first = token(basic(web), redeem(code[0], code[1]));
        assertThat(first.statusCode()).isEqualTo(200);
        JsonObject tokens = Admin.json(first.body());

        assertJsonError(token(basic(web), redeem(code[0], code[1])), 400, "invalid_grant");
        assertThat(introspect(tokens.getString("access_token")).getBoolean("active")).isFalse();
        assertJsonError(token(basic(web), Map.of("grant_type", "refresh_token", "refresh_token", tokens.getString("refresh_token"))),
                400, "invalid_grant");
    }

    @Test
    void aReplayedCodeRevokesAnOpaqueAccessTokenOfTheFirstRedemptionToo() {
        String[] code = code("opaque-victim", true);
        HttpResponse<String> first = token(basic(opaqueVictim), redeem(code[0], code[1]));
        assertThat(first.statusCode()).isEqualTo(200);
        String accessToken = Admin.json(first.body()).getString("access_token");
        assertThat(accessToken).doesNotContain(".");
        assertThat(introspect(accessToken).getBoolean("active")).isTrue();

        assertJsonError(token(basic(opaqueVictim), redeem(code[0], code[1])), 400, "invalid_grant");
        // RFC 6749 §4.1.2: the server "SHOULD revoke (when possible) all tokens previously issued based on that
        // authorization code"; the opaque token's row stays, its jti is on the revocation list.
        assertThat(introspect(accessToken).getBoolean("active")).isFalse();
    }

    @Test
    void pkceDowngradeIsRefusedBothWays() {
        String[] withChallenge = code("victim", true);
        assertJsonError(token(basic(web), redeem(withChallenge[0], null)), 400, "invalid_grant");
        String[] wrong = code("victim", true);
        assertJsonError(token(basic(web), redeem(wrong[0], SignIn.verifier())), 400, "invalid_grant");
        String[] withoutChallenge = code("legacy", false);
        assertJsonError(token(basic(noPkce), redeem(withoutChallenge[0], SignIn.verifier())), 400, "invalid_grant");
        // Whatever the client's PKCE policy: a challenge sent needs its verifier, a nonce-bound code takes none.
        String[] optionalButSent = code("legacy", true);
        assertJsonError(token(basic(noPkce), redeem(optionalButSent[0], null)), 400, "invalid_grant");
        String[] nonceBound = code("victim", false);
        assertJsonError(token(basic(web), redeem(nonceBound[0], SignIn.verifier())), 400, "invalid_grant");
    }

    @Test
    void aRotatedRefreshTokenUsedAgainRevokesTheWholeFamily() {
        String[] code = code("victim", true);
        JsonObject first = Admin.json(token(basic(web), redeem(code[0], code[1])).body());
        HttpResponse<String> rotated = token(basic(web), Map.of("grant_type", "refresh_token", "refresh_token", first.getString("refresh_token")));
        assertThat(rotated.statusCode()).isEqualTo(200);
        String second = Admin.json(rotated.body()).getString("refresh_token");
        assertThat(second).isNotEqualTo(first.getString("refresh_token"));

        assertJsonError(token(basic(web), Map.of("grant_type", "refresh_token", "refresh_token", first.getString("refresh_token"))), 400, "invalid_grant");
        assertJsonError(token(basic(web), Map.of("grant_type", "refresh_token", "refresh_token", second)), 400, "invalid_grant");
    }

    /** Issue 18, point 8: a client that lost a refresh answer retries with the rotated token and keeps its grant. */
    @Test
    void withinTheReuseIntervalARetryReplacesTheUnusedSuccessorAndAfterItsUseTheRetryIsReuse() {
        assertThat(retrying.getInt("refresh_token_reuse_interval")).as("echoed by the admin API").isEqualTo(60);
        String[] code = code("retrying", true);
        String first = Admin.json(token(basic(retrying), redeem(code[0], code[1])).body()).getString("refresh_token");
        String lost = refreshed(retrying, first);

        String retried = refreshed(retrying, first);
        assertThat(retried).isNotEqualTo(lost);
        assertThat(introspect(lost).getBoolean("active")).as("the unseen successor is replaced").isFalse();
        String next = refreshed(retrying, retried);

        assertJsonError(refresh(retrying, first), 400, "invalid_grant");
        assertJsonError(refresh(retrying, next), 400, "invalid_grant");
    }

    /** A thief retrying first gets a token; the client's successor, presented next, is reuse and ends both. */
    @Test
    void theReplacedSuccessorPresentedLaterIsReuseAndRevokesTheThiefsTokenToo() {
        String[] code = code("retrying", true);
        String stolen = Admin.json(token(basic(retrying), redeem(code[0], code[1])).body()).getString("refresh_token");
        String clients = refreshed(retrying, stolen);
        String thiefs = refreshed(retrying, stolen);

        assertJsonError(refresh(retrying, clients), 400, "invalid_grant");
        assertJsonError(refresh(retrying, thiefs), 400, "invalid_grant");
    }

    @Test
    void afterTheReuseIntervalTheRotatedTokenIsReuseAndRevokesTheFamily() throws InterruptedException {
        String[] code = code("brief-retry", true);
        String first = Admin.json(token(basic(briefRetry), redeem(code[0], code[1])).body()).getString("refresh_token");
        String second = refreshed(briefRetry, first);
        Thread.sleep(1500);

        assertJsonError(refresh(briefRetry, first), 400, "invalid_grant");
        assertJsonError(refresh(briefRetry, second), 400, "invalid_grant");
    }

    /**
     * Issue 18, point 7: nobody can lock a victim out. The attacker (this test's address) fails 100 times; the
     * victim from another address (behind the trusted proxy 127.0.0.2) and the victim on a browser that signed in
     * before (a known-device cookie, from the attacker's own address) sign in at once; the attacker, even with
     * the right password, stays throttled until an administrator unlocks the account.
     */
    @Test
    void anAttackerFailing100TimesCannotLockTheVictimOut() {
        Browser known = new Browser();
        assertThat(SignIn.redirectParams(SignIn.loginAndApprove(known, signInAgain(), "lockout-victim"))).containsKey("code");
        assertThat(known.cookies().getCookieStore().getCookies()).as("known-device cookie").anyMatch(c -> c.getName().equals("tessera_device"));

        Browser attacker = new Browser();
        HttpResponse<String> page = SignIn.authorize(attacker, signInAgain());
        Scrape before = Scrape.now();
        for (int i = 0; i < 100; i++) {
            page = SignIn.login(attacker, page, "lockout-victim", "guess-" + i);
            assertThat(Browser.isRedirect(page)).isFalse();
        }
        Scrape after = Scrape.now();
        String signIns = "tessera_sign_ins_total";
        assertThat(after.sum(signIns, "store=local", "outcome=invalid_credentials") - before.sum(signIns, "store=local", "outcome=invalid_credentials"))
                .as("wrong passwords counted per store").isPositive();
        assertThat(after.sum(signIns, "store=_none", "outcome=throttled") - before.sum(signIns, "store=_none", "outcome=throttled"))
                .as("throttled attempts counted (the store is never asked)").isGreaterThanOrEqualTo(90);
        assertThat(Browser.isRedirect(SignIn.login(attacker, page, "lockout-victim", SignIn.PASSWORD))).as("attacker throttled").isFalse();

        FromAddress.Answer elsewhere = FromAddress.post("127.0.0.2", "/token", Map.of("Authorization", basic(ropc),
                "X-Forwarded-For", "198.51.100.99"), "grant_type=password&username=lockout-victim&password=" + URLEncoder.encode(SignIn.PASSWORD, StandardCharsets.UTF_8));
        assertThat(elsewhere.status()).as("the victim from another address: " + elsewhere.body()).isEqualTo(200);
        HttpResponse<String> onKnownDevice = SignIn.login(known, SignIn.authorize(known, signInAgain()), "lockout-victim", SignIn.PASSWORD);
        assertThat(SignIn.redirectParams(onKnownDevice)).as("the victim on a known device, same address").containsKey("code");

        HttpResponse<String> stillThrottled = SignIn.login(attacker, SignIn.authorize(attacker, signInAgain()), "lockout-victim", SignIn.PASSWORD);
        assertThat(Browser.isRedirect(stillThrottled)).as("the attacker's pair is not cleared by the victim's sign-ins").isFalse();
        HttpResponse<String> unlocked = Http.send(Http.request("/admin/api/users/" + lockoutVictim.getString("sub") + "/unlock")
                .header("Authorization", "Bearer " + Admin.token()).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(204);
        HttpResponse<String> afterUnlock = SignIn.login(attacker, SignIn.authorize(attacker, signInAgain()), "lockout-victim", SignIn.PASSWORD);
        assertThat(SignIn.redirectParams(afterUnlock)).containsKey("code");
    }

    /** A code request that shows the login page even to a browser with an SSO session. */
    static Map<String, String> signInAgain() {
        Map<String, String> request = SignIn.codeRequest("victim", CB, "openid", SignIn.verifier());
        request.put("prompt", "login");
        return request;
    }

    static HttpResponse<String> refresh(JsonObject client, String refreshToken) {
        return token(basic(client), Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    static String refreshed(JsonObject client, String refreshToken) {
        HttpResponse<String> answer = refresh(client, refreshToken);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Admin.json(answer.body()).getString("refresh_token");
    }

    @Test
    void aRefreshMayNarrowTheScopeButNotWidenIt() {
        String[] code = code("victim", true);
        String refresh = Admin.json(token(basic(web), redeem(code[0], code[1])).body()).getString("refresh_token");

        assertJsonError(token(basic(web), Map.of("grant_type", "refresh_token", "refresh_token", refresh, "scope", "openid profile email")),
                400, "invalid_scope");
        HttpResponse<String> narrower = token(basic(web), Map.of("grant_type", "refresh_token", "refresh_token", refresh, "scope", "openid"));
        assertThat(narrower.statusCode()).as("the refused request did not consume the token").isEqualTo(200);
        assertThat(Admin.json(narrower.body()).getString("scope")).isEqualTo("openid");
    }

    @Test
    void anotherClientCannotRedeemTheCodeOrUseTheRefreshToken() {
        String[] code = code("victim", true);
        assertJsonError(token(basic(other), redeem(code[0], code[1])), 400, "invalid_grant");

        String[] fresh = code("victim", true);
        String refresh = Admin.json(token(basic(web), redeem(fresh[0], fresh[1])).body()).getString("refresh_token");
        assertJsonError(token(basic(other), Map.of("grant_type", "refresh_token", "refresh_token", refresh)), 400, "invalid_grant");
        assertThat(token(basic(web), Map.of("grant_type", "refresh_token", "refresh_token", refresh)).statusCode())
                .as("the other client's attempt did not burn the token").isEqualTo(200);
    }

    @Test
    void aRedirectUriDifferentFromTheAuthorizationRequestIsRefusedAtTheTokenEndpoint() {
        String[] code = code("victim", true);
        Map<String, String> form = redeem(code[0], code[1]);
        form.put("redirect_uri", "https://rp.example.com/other");
        assertJsonError(token(basic(web), form), 400, "invalid_grant");
    }

    @Test
    void refreshTokensCanBeRevokedAndIntrospected() {
        String[] code = code("victim", true);
        JsonObject tokens = Admin.json(token(basic(web), redeem(code[0], code[1])).body());
        String refresh = tokens.getString("refresh_token");
        JsonObject active = introspect(refresh);
        assertThat(active.getBoolean("active")).isTrue();
        assertThat(active.getString("token_type")).isEqualTo("refresh_token");

        HttpResponse<String> revoked = Http.send(Http.request("/revoke").header("Authorization", basic(web))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("token=" + refresh)));
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(introspect(refresh).getBoolean("active")).isFalse();
        assertThat(introspect(tokens.getString("access_token")).getBoolean("active")).as("the grant's access token too").isFalse();
    }

    @Test
    void aLoginPostWithoutValidViewStateIsRefusedCleanly() {
        Browser browser = new Browser();
        HttpResponse<String> page = SignIn.authorize(browser, SignIn.codeRequest("victim", CB, "openid", SignIn.verifier()));
        String id = page.uri().getQuery().replace("id=", "");
        HttpResponse<String> forged = browser.post("/ui/login.xhtml", Map.of("loginForm", "loginForm", "id", id,
                "username", "mallory-target", "password", SignIn.PASSWORD, "login", "login", "jakarta.faces.ViewState", "forged"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.headers().firstValue("Location")).isEmpty();
        assertThat(forged.body()).contains("id=\"expired\"").doesNotContain("Exception");
    }

    @Test
    void changingThePasswordEndsSessionsAndRevokesRefreshTokens() {
        SignIn.createUser("changes-password");
        Browser browser = new Browser();
        String verifier = SignIn.verifier();
        Map<String, String> answer = SignIn.redirectParams(SignIn.loginAndApprove(browser,
                SignIn.codeRequest("victim", CB, "openid", verifier), "changes-password"));
        JsonObject tokens = Admin.json(token(basic(web), redeem(answer.get("code"), verifier)).body());
        String sub = Admin.json(Http.send(Http.request("/admin/api/users?search=changes-password")
                .header("Authorization", "Bearer " + Admin.token()).GET()).body()).getJsonArray("users").getJsonObject(0).getString("sub");

        HttpResponse<String> changed = Http.send(Http.request("/admin/api/users/" + sub + "/password").header("Authorization", "Bearer " + Admin.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"a brand new passphrase\"}")));
        assertThat(changed.statusCode()).as(changed.body()).isLessThan(300);

        assertJsonError(token(basic(web), Map.of("grant_type", "refresh_token", "refresh_token", tokens.getString("refresh_token"))), 400, "invalid_grant");
        Map<String, String> silent = SignIn.codeRequest("victim", CB, "openid", SignIn.verifier());
        silent.put("prompt", "none");
        assertThat(SignIn.redirectParams(SignIn.authorize(browser, silent))).containsEntry("error", "login_required");
    }

    /**
     * PostgreSQL cannot compare a text column with U+0000 (H2 can): a username carrying one is a failed login like
     * any unknown name, and an authorization request carrying one shows the error page; neither is a 500.
     */
    @Test
    void nulCharacterInTheUsernameOrTheRequestIsAFailureNotA500() {
        Browser browser = new Browser();
        HttpResponse<String> page = SignIn.authorize(browser, SignIn.codeRequest("victim", CB, "openid", SignIn.verifier()));
        HttpResponse<String> nul = SignIn.login(browser, page, "mallory\u0000target", SignIn.PASSWORD);
        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(200);
        assertThat(nul.body()).contains("The username or password is incorrect.");

        HttpResponse<String> request = new Browser().get("/authorize?response_type=code&client_id=vic%00tim&redirect_uri=" + CB);
        assertThat(request.statusCode()).as(request.body()).isEqualTo(400);
        assertThat(request.headers().firstValue("Location")).isEmpty();
    }

    static JsonObject introspect(String token) {
        return Admin.json(Http.send(Http.request("/introspect").header("Authorization", basic(other))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token))).body());
    }
}
