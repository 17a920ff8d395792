package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCode;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The device authorization grant (RFC 8628) end to end, with the Nimbus SDK as the device: it asks for
 * codes, polls the token endpoint, and validates the ID token; a {@link Browser} plays the person who
 * enters the user code on the verification page, signs in and approves or denies.
 *
 * <p>The guessing test runs last: it locks the test client's address (127.0.0.1) on this server for the
 * failure window. The expiry and https-cookie tests run on a second Payara Micro (two-second code lifetime, https issuer)
 * (see {@link #secondServer()}).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeviceFlowIT {
    static final URI DEVICE_AUTHORIZATION = URI.create(TesseraDeployment.issuer() + "/device_authorization");
    static final URI TOKEN = URI.create(TesseraDeployment.issuer() + "/token");
    static final ClientID TV = new ClientID("tv");
    static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    static final Pattern USER_CODE_INPUT = Pattern.compile("<input[^>]*name=\"user_code\"[^>]*>");
    static final String HTTPS_ISSUER = "https://sso.tessera.test";
    static JsonObject console;
    static JsonObject service;
    static PayaraMicroProcess second;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TesseraDeployment.war();
    }

    @BeforeAll
    static void setUp() {
        SignIn.createUser("grace");
        Admin.createClient("{\"client_id\":\"tv\",\"client_name\":\"Living Room TV\",\"token_endpoint_auth_method\":\"none\","
                + "\"grant_types\":[\"urn:ietf:params:oauth:grant-type:device_code\",\"refresh_token\"],"
                + "\"scope\":\"openid profile offline_access\"}");
        console = Admin.createClient("{\"client_id\":\"console\",\"grant_types\":[\"urn:ietf:params:oauth:grant-type:device_code\"],"
                + "\"scope\":\"openid\"}");
        service = Admin.createClient("{\"client_id\":\"service\",\"grant_types\":[\"client_credentials\"],\"scope\":\"read\"}");
    }

    static DeviceAuthorizationSuccessResponse start(DeviceAuthorizationRequest.Builder builder, String scope) throws Exception {
        DeviceAuthorizationRequest request = builder.endpointURI(DEVICE_AUTHORIZATION).scope(Scope.parse(scope)).build();
        DeviceAuthorizationResponse response = DeviceAuthorizationResponse.parse(request.toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).as(() -> response.toErrorResponse().getErrorObject().toJSONObject().toString()).isTrue();
        // The SDK has its own HTTP stack, so the device code is recorded for the log canary here.
        LogCanary.record("device_code", response.toSuccessResponse().getDeviceCode().getValue());
        return response.toSuccessResponse();
    }

    static DeviceAuthorizationSuccessResponse startTv() throws Exception {
        return start(new DeviceAuthorizationRequest.Builder(TV), "openid profile offline_access");
    }

    static TokenResponse poll(URI token, DeviceCode code) throws Exception {
        return OIDCTokenResponseParser.parse(new TokenRequest(token, TV, new DeviceCodeGrant(code)).toHTTPRequest().send());
    }

    static TokenResponse poll(DeviceCode code) throws Exception {
        return poll(TOKEN, code);
    }

    static ErrorObject error(TokenResponse response) {
        assertThat(response.indicatesSuccess()).as("expected an error").isFalse();
        return response.toErrorResponse().getErrorObject();
    }

    /** Opens the verification page as the link would, types {@code typed} and presses submit. */
    static HttpResponse<String> enterCode(Browser browser, String typed) {
        HttpResponse<String> page = browser.follow(browser.get("/device"));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return browser.follow(browser.submit(page, "submit", Map.of("user_code", typed)));
    }

    static String prefilled(HttpResponse<String> page) {
        Matcher input = USER_CODE_INPUT.matcher(page.body());
        assertThat(input.find()).as(page.body()).isTrue();
        Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
        return value.find() ? value.group(1) : "";
    }

    static String wrongCode(String right) {
        SecureRandom random = new SecureRandom();
        String code;
        do {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                if (i == 3) {
                    b.append('-');
                }
            }
            code = b.toString();
        } while (code.equals(right));
        return code;
    }

    @Test
    @Order(1)
    void discoveryAdvertisesTheEndpointAndTheGrant() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(Http.get("/.well-known/openid-configuration").body());

        assertThat(metadata.getDeviceAuthorizationEndpointURI()).isEqualTo(DEVICE_AUTHORIZATION);
        assertThat(metadata.getGrantTypes()).contains(GrantType.DEVICE_CODE);
    }

    @Test
    @Order(2)
    void theDeviceGetsCodesVerificationUrisLifetimeAndInterval() throws Exception {
        HTTPResponse raw = new DeviceAuthorizationRequest.Builder(TV).endpointURI(DEVICE_AUTHORIZATION).scope(Scope.parse("openid"))
                .build().toHTTPRequest().send();
        DeviceAuthorizationSuccessResponse codes = DeviceAuthorizationSuccessResponse.parse(raw);

        assertThat(raw.getHeaderValue("Cache-Control")).isEqualTo("no-store");
        // 256 bits, base64url: 43 characters.
        assertThat(codes.getDeviceCode().getValue()).matches("[A-Za-z0-9_-]{43}");
        assertThat(codes.getUserCode().getValue()).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
        assertThat(codes.getVerificationURI()).isEqualTo(URI.create(TesseraDeployment.issuer() + "/device"));
        assertThat(codes.getVerificationURIComplete())
                .isEqualTo(URI.create(TesseraDeployment.issuer() + "/device?user_code=" + codes.getUserCode().getValue()));
        assertThat(codes.getLifetime()).isEqualTo(600);
        assertThat(codes.getInterval()).isEqualTo(5);
    }

    @Test
    @Order(3)
    void thePersonApprovesAndTheDeviceGetsTokensOnce() throws Exception {
        DeviceAuthorizationSuccessResponse codes = startTv();
        assertThat(error(poll(codes.getDeviceCode())).getCode()).isEqualTo("authorization_pending");
        ErrorObject tooFast = error(poll(codes.getDeviceCode()));
        assertThat(tooFast.getCode()).isEqualTo("slow_down");
        assertThat(tooFast.getHTTPStatusCode()).isEqualTo(400);

        // The link with the code only fills in the form: nothing happens until the person presses submit.
        Browser browser = new Browser();
        HttpResponse<String> page = browser.follow(browser.get(codes.getVerificationURIComplete().toString()));
        assertThat(prefilled(page)).isEqualTo(codes.getUserCode().getValue());
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
        assertThat(page.body()).contains("jakarta.faces.ViewState");
        HttpResponse<String> loginPage = browser.follow(browser.submit(page, "submit", Map.of("user_code", prefilled(page))));

        HttpResponse<String> confirm = SignIn.login(browser, loginPage, "grace", SignIn.PASSWORD);
        assertThat(confirm.body()).contains("Living Room TV", "Confirm your identity", "Stay connected while you are away",
                "id=\"warning\"", "grace");
        HttpResponse<String> done = SignIn.consent(browser, confirm, "approve");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("id=\"approved\"");
        // Issue 18 point 6: the session, device-flow and SSO cookies all carry SameSite (http issuer: no prefix).
        assertThat(browser.setCookies()).anyMatch(c -> c.startsWith("JSESSIONID=")).anyMatch(c -> c.startsWith("tessera_device_"))
                .anyMatch(c -> c.startsWith("tessera_sso="));
        SignIn.assertCookiesHardened(browser.setCookies(), false);

        // Approved: answered at once, the interval notwithstanding.
        TokenResponse answer = poll(codes.getDeviceCode());
        assertThat(answer.indicatesSuccess()).as(() -> answer.toErrorResponse().getErrorObject().toJSONObject().toString()).isTrue();
        OIDCTokenResponse tokens = (OIDCTokenResponse) answer.toSuccessResponse();
        IDTokenClaimsSet claims = new IDTokenValidator(new Issuer(TesseraDeployment.issuer()), TV, JWSAlgorithm.RS256,
                new URL(TesseraDeployment.issuer() + "/jwks")).validate(tokens.getOIDCTokens().getIDToken(), null);
        assertThat(claims.getAudience()).extracting(Object::toString).containsExactly("tv");
        assertThat(claims.getStringListClaim("amr")).contains("pwd");
        assertThat(claims.getAuthenticationTime()).isNotNull();
        assertThat(tokens.getOIDCTokens().getAccessToken().getScope().toStringList()).containsExactlyInAnyOrder("openid", "profile", "offline_access");
        RefreshToken refresh = tokens.getOIDCTokens().getRefreshToken();
        assertThat(refresh).isNotNull();

        // Redeemed exactly once; the replay revokes what the code produced.
        assertThat(error(poll(codes.getDeviceCode())).getCode()).isEqualTo("invalid_grant");
        TokenResponse refreshed = OIDCTokenResponseParser.parse(new TokenRequest(TOKEN, TV, new RefreshTokenGrant(refresh)).toHTTPRequest().send());
        assertThat(error(refreshed).getCode()).isEqualTo("invalid_grant");
    }

    @Test
    @Order(4)
    void aSignedInPersonTypesTheCodeAnyHowAndDenies() throws Exception {
        Browser browser = new Browser();
        DeviceAuthorizationSuccessResponse first = startTv();
        SignIn.consent(browser, SignIn.login(browser, enterCode(browser, first.getUserCode().getValue()), "grace", SignIn.PASSWORD), "approve");

        DeviceAuthorizationSuccessResponse codes = startTv();
        String typed = " " + codes.getUserCode().getValue().replace("-", "").toLowerCase(java.util.Locale.ROOT) + " ";
        HttpResponse<String> confirm = enterCode(browser, typed);
        assertThat(confirm.body()).as("signed in: no login page").contains("id=\"approve\"").doesNotContain("id=\"password\"");
        HttpResponse<String> done = SignIn.consent(browser, confirm, "deny");
        assertThat(done.body()).contains("id=\"denied\"");

        ErrorObject denied = error(poll(codes.getDeviceCode()));
        assertThat(denied.getCode()).isEqualTo("access_denied");
        assertThat(denied.getHTTPStatusCode()).isEqualTo(400);
        assertThat(error(poll(codes.getDeviceCode())).getCode()).isEqualTo("access_denied");
    }

    @Test
    @Order(5)
    void theConfirmationBelongsToTheBrowserThatEnteredTheCodeAndIsAnsweredOnce() throws Exception {
        DeviceAuthorizationSuccessResponse codes = startTv();
        Browser browser = new Browser();
        HttpResponse<String> confirm = SignIn.login(browser, enterCode(browser, codes.getUserCode().getValue()), "grace", SignIn.PASSWORD);
        String confirmUrl = TesseraDeployment.issuer() + "/ui/device-confirm.xhtml?flow="
                + Pattern.compile("name=\"flow\" value=\"([^\"]+)\"").matcher(confirm.body()).results().findFirst().orElseThrow().group(1);

        // Another browser with its own session, given the URL, sees nothing it could approve.
        Browser other = new Browser();
        SignIn.consent(other, SignIn.login(other, enterCode(other, startTv().getUserCode().getValue()), "grace", SignIn.PASSWORD), "deny");
        assertThat(other.follow(other.get(confirmUrl)).body()).contains("id=\"expired\"").doesNotContain("id=\"approve\"");

        // A forged or expired page post is refused, and changes nothing.
        HttpResponse<String> forged = browser.post(confirmUrl, Map.of("deviceConfirmForm", "deviceConfirmForm",
                "flow", confirmUrl.substring(confirmUrl.indexOf('=') + 1), "approve", "approve", "jakarta.faces.ViewState", "forged"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(error(poll(codes.getDeviceCode())).getCode()).isEqualTo("authorization_pending");

        SignIn.consent(browser, confirm, "approve");
        // The same page answered twice: the second answer no longer counts.
        HttpResponse<String> again = browser.follow(browser.submit(confirm, "deny", Map.of()));
        assertThat(again.body()).contains("id=\"expired\"");
        assertThat(poll(codes.getDeviceCode()).indicatesSuccess()).isTrue();
    }

    @Test
    @Order(6)
    void clientsAreAuthenticatedAndCheckedAsAtTheTokenEndpoint() throws Exception {
        ClientSecretBasic consoleAuth = new ClientSecretBasic(new ClientID("console"), new Secret(console.getString("client_secret")));
        DeviceAuthorizationSuccessResponse codes = start(new DeviceAuthorizationRequest.Builder(consoleAuth), "openid");
        assertThat(codes.getUserCode()).isNotNull();

        ClientSecretBasic wrongSecret = new ClientSecretBasic(new ClientID("console"), new Secret("not-the-secret"));
        DeviceAuthorizationResponse refused = DeviceAuthorizationResponse.parse(new DeviceAuthorizationRequest.Builder(wrongSecret)
                .endpointURI(DEVICE_AUTHORIZATION).build().toHTTPRequest().send());
        assertThat(refused.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
        assertThat(refused.toErrorResponse().getErrorObject().getHTTPStatusCode()).isEqualTo(401);

        DeviceAuthorizationResponse tooWide = DeviceAuthorizationResponse.parse(new DeviceAuthorizationRequest.Builder(consoleAuth)
                .endpointURI(DEVICE_AUTHORIZATION).scope(Scope.parse("openid profile")).build().toHTTPRequest().send());
        assertThat(tooWide.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_scope");

        HttpResponse<String> notAllowed = Http.send(Http.request("/device_authorization").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", Admin.basic("service", service.getString("client_secret")))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("scope=read")));
        FoundationIT.assertJsonError(notAllowed, 400, "unauthorized_client");

        // Bound to its client: another client's poll finds nothing, and leaves the code usable.
        TokenResponse stolen = OIDCTokenResponseParser.parse(new TokenRequest(TOKEN, TV, new DeviceCodeGrant(codes.getDeviceCode())).toHTTPRequest().send());
        assertThat(error(stolen).getCode()).isEqualTo("invalid_grant");
        TokenResponse own = OIDCTokenResponseParser.parse(new TokenRequest(TOKEN, consoleAuth, new DeviceCodeGrant(codes.getDeviceCode())).toHTTPRequest().send());
        assertThat(error(own).getCode()).isEqualTo("authorization_pending");
    }

    @Test
    @Order(7)
    void theLoginPageNeverReturnsElsewhere() {
        Browser browser = new Browser();
        for (String target : new String[] {"https://evil.example/", "//evil.example/ui/x.xhtml", "/ui/../../evil"}) {
            HttpResponse<String> page = browser.get("/ui/login.xhtml?return=" + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.body()).as(target).contains("id=\"expired\"").doesNotContain("id=\"password\"");
        }
    }

    /**
     * The second server, started once for the tests that need other configuration: a code lifetime of two seconds
     * (expiry needs a code that outlives its lifetime; shortening it for every test would make the others race the
     * clock) and an https issuer (the cookies it sets). The production code path unchanged, only configured, as an
     * operator would. It still listens on plain http: only the issuer, the URL it names itself by, is https.
     */
    static String secondServer() throws Exception {
        if (second == null) {
            Path postBoot = Path.of(System.getProperty("project.basedir", ".")).resolve("src/test/resources/payara/h2-mem.asadmin");
            second = PayaraMicroProcess.start("device-expiry", postBoot, Map.of(
                    "TESSERA_DEVICE_CODE_LIFETIME", "PT2S", "TESSERA_DEVICE_INTERVAL", "PT1S", "TESSERA_ISSUER", HTTPS_ISSUER,
                    "TESSERA_BOOTSTRAP_ADMIN_SECRET", Admin.SECRET), Duration.ofSeconds(180));
            second.await("/health/ready", r -> r.statusCode() == 200, Duration.ofSeconds(120));
        }
        return "http://localhost:" + second.port();
    }

    @AfterAll
    static void stopSecondServer() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    @Order(8)
    void aCodeNobodyAnsweredExpires() throws Exception {
        String base = secondServer();
        ExpiryServer remote = new ExpiryServer(base);
        remote.createClient("{\"client_id\":\"tv\",\"token_endpoint_auth_method\":\"none\","
                + "\"grant_types\":[\"urn:ietf:params:oauth:grant-type:device_code\"],\"scope\":\"openid\"}");

        DeviceAuthorizationRequest request = new DeviceAuthorizationRequest.Builder(TV).endpointURI(URI.create(base + "/device_authorization"))
                .scope(Scope.parse("openid")).build();
        DeviceAuthorizationSuccessResponse codes = DeviceAuthorizationResponse.parse(request.toHTTPRequest().send()).toSuccessResponse();
        assertThat(codes.getLifetime()).isEqualTo(2);
        assertThat(codes.getInterval()).isEqualTo(1);
        URI token = URI.create(base + "/token");
        assertThat(error(poll(token, codes.getDeviceCode())).getCode()).isEqualTo("authorization_pending");

        Thread.sleep(2_500);
        ErrorObject expired = error(poll(token, codes.getDeviceCode()));
        assertThat(expired.getCode()).isEqualTo("expired_token");
        assertThat(expired.getHTTPStatusCode()).isEqualTo(400);
        assertThat(error(poll(token, codes.getDeviceCode())).getCode()).isEqualTo("expired_token");
    }

    /**
     * Issue 18 point 6 on a real server with an https issuer: the sign-in flow cookie and the container's session
     * cookie are Secure, SameSite and {@code __Host-} (Path=/). The client here speaks plain http, so it never
     * sends a Secure cookie back; the headers as written are what is judged.
     */
    @Test
    @Order(9)
    void withAnHttpsIssuerEveryCookieIsSecureSameSiteAndHostPrefixed() throws Exception {
        String base = secondServer();
        new ExpiryServer(base).createClient("{\"client_id\":\"web\",\"redirect_uris\":[\"https://rp.example.com/cb\"],"
                + "\"scope\":\"openid\",\"require_consent\":false}");
        Browser browser = new Browser().at(base);
        HttpResponse<String> toLogin = browser.get("/authorize?" + SignIn.query(SignIn.codeRequest("web", "https://rp.example.com/cb", "openid",
                SignIn.verifier())));
        assertThat(toLogin.statusCode()).as(toLogin.body()).isEqualTo(303);
        for (String page : List.of(toLogin.headers().firstValue("Location").orElseThrow(), HTTPS_ISSUER + "/device")) {
            HttpResponse<String> answer = browser.get(page.replace(HTTPS_ISSUER, base));
            for (int hops = 0; hops < 5 && Browser.isRedirect(answer); hops++) {
                answer = browser.get(answer.headers().firstValue("Location").orElseThrow().replace(HTTPS_ISSUER, base));
            }
            // The sign-in page cannot find its flow (the Secure flow cookie never comes back over http); it still answers.
            assertThat(answer.statusCode()).as(page).isLessThan(500);
        }

        assertThat(browser.setCookies()).anyMatch(c -> c.startsWith("__Host-tessera_flow_")).anyMatch(c -> c.startsWith("__Host-JSESSIONID="))
                .anyMatch(c -> c.startsWith("JSESSIONIDVERSION="));
        SignIn.assertCookiesHardened(browser.setCookies(), true);
    }

    /**
     * Issue 20: the floors apply to the device flow too. The sign-in on the verification side steps up as /authorize
     * does (only the code after the password, then the confirmation), and a person who cannot reach the floor may
     * only deny.
     */
    @Test
    @Order(10)
    void aClientThatRequiresASecondFactorGetsItStepUpBeforeTheConfirmation() throws Exception {
        Admin.createClient("{\"client_id\":\"mfa-tv\",\"token_endpoint_auth_method\":\"none\","
                + "\"grant_types\":[\"urn:ietf:params:oauth:grant-type:device_code\"],\"scope\":\"openid\",\"require_mfa\":true}");
        ClientID mfaTv = new ClientID("mfa-tv");
        SignIn.createUser("nina");
        DeviceAuthorizationSuccessResponse first = start(new DeviceAuthorizationRequest.Builder(mfaTv), "openid");
        Browser nina = new Browser();
        HttpResponse<String> refused = SignIn.login(nina, enterCode(nina, first.getUserCode().getValue()), "nina", SignIn.PASSWORD);
        assertThat(refused.body()).as("no factor, no enrolment on this server").contains("id=\"device-unmet\"", "id=\"deny\"")
                .doesNotContain("id=\"approve\"");

        SignIn.createUser("tina");
        TotpSteps.Enrolled tina = TotpSteps.enrol(new Browser(), "tina");
        DeviceAuthorizationSuccessResponse codes = start(new DeviceAuthorizationRequest.Builder(mfaTv), "openid");
        Browser browser = new Browser();
        HttpResponse<String> factor = SignIn.login(browser, enterCode(browser, codes.getUserCode().getValue()), "tina", SignIn.PASSWORD);
        assertThat(factor.body()).as("the second step, as /authorize asks it").contains("id=\"code\"", "id=\"verify\"")
                .doesNotContain("id=\"approve\"");
        HttpResponse<String> confirm = browser.follow(browser.submit(factor, "verify", Map.of("code", tina.nextCode())));
        assertThat(confirm.body()).contains("id=\"approve\"").doesNotContain("id=\"device-unmet\"");
        assertThat(SignIn.consent(browser, confirm, "approve").body()).contains("id=\"approved\"");
        TokenResponse answer = OIDCTokenResponseParser.parse(new TokenRequest(TOKEN, mfaTv, new DeviceCodeGrant(codes.getDeviceCode()))
                .toHTTPRequest().send());
        assertThat(answer.indicatesSuccess()).as(() -> answer.toErrorResponse().getErrorObject().toJSONObject().toString()).isTrue();
        com.nimbusds.jwt.JWTClaimsSet id = ((OIDCTokenResponse) answer.toSuccessResponse()).getOIDCTokens().getIDToken().getJWTClaimsSet();
        assertThat(id.getStringClaim("acr")).isEqualTo("urn:tessera:acr:mfa");
        assertThat(id.getStringListClaim("amr")).containsExactly("pwd", "otp", "mfa");
    }

    @Test
    @Order(100)
    void guessingUserCodesIsStoppedPerSessionAndPerAddress() throws Exception {
        DeviceAuthorizationSuccessResponse codes = startTv();
        String right = codes.getUserCode().getValue();
        Browser browser = new Browser();
        // A typo that cannot be a code is explained and not counted.
        assertThat(enterCode(browser, "BCDF-GHJ").body()).contains("A code has 8 letters");
        for (int i = 0; i < 5; i++) {
            assertThat(enterCode(browser, wrongCode(right)).body()).contains("This code is not valid or has expired.");
        }

        // Five wrong codes: this session gets no answer about any code, the right one included.
        HttpResponse<String> locked = enterCode(browser, right);
        assertThat(locked.body()).contains("Too many wrong codes.").doesNotContain("id=\"password\"");

        // New sessions from the same address get fifteen more between them, then the address is refused.
        for (int i = 5; i < 20; i++) {
            if (i % 5 == 0) {
                browser = new Browser();
            }
            assertThat(enterCode(browser, wrongCode(right)).body()).as("attempt %d", i + 1).contains("This code is not valid or has expired.");
        }
        assertThat(enterCode(new Browser(), right).body()).contains("Too many wrong codes.");
        assertThat(error(poll(codes.getDeviceCode())).getCode()).isEqualTo("authorization_pending");
    }

    /** The admin API of the second server, started for the expiry test. */
    record ExpiryServer(String base) {
        void createClient(String json) {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            try {
                HttpResponse<String> token = client.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/token"))
                        .header("Authorization", Admin.basic(Admin.ID, Admin.SECRET))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
                HttpResponse<String> created = client.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/admin/api/clients"))
                        .header("Authorization", "Bearer " + Admin.json(token.body()).getString("access_token"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
