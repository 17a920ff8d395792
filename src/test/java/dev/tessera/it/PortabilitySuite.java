package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebDriver;

/**
 * The portability suite (issue 22): the unchanged WAR, deployed on a full application server by
 * {@code server-config/<server>/setup.sh} and started with the server's own command, answers every flow a
 * deployment relies on. It runs against a server that is already up ({@code -Dtessera.portability.url}, started
 * with {@code TESSERA_BOOTSTRAP_ADMIN_SECRET=it-admin-secret}), not through Arquillian: {@code .ci/portability}
 * starts WildFly and Payara Server once each and runs this class against both. Not an {@code *IT} class, so the
 * Payara Micro passes of {@code mvn verify} leave it alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortabilitySuite {
    static final String BASE = System.getProperty("tessera.portability.url", "http://localhost:8080");
    /** Where a load balancer asks for readiness on this server (docs/wildfly.md, docs/payara-server.md). */
    static final String READY = System.getProperty("tessera.portability.ready", BASE + "/health/ready");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String USER = "ada-" + RUN;

    static LoopbackClient rp;
    static JsonObject service;
    static JsonObject web;
    static JsonObject tv;
    static String subject;
    static Map<String, String> signedIn = new LinkedHashMap<>();

    @BeforeAll
    static void clients() throws Exception {
        rp = new LoopbackClient();
        service = Admin.createClient(BASE, "{\"client_id\":\"svc-" + RUN + "\",\"grant_types\":[\"client_credentials\"],\"scope\":\"read\"}");
        web = Admin.createClient(BASE, "{\"client_id\":\"web-" + RUN + "\",\"client_name\":\"Portable App\",\"redirect_uris\":[\""
                + rp.redirectUri() + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                + "\"scope\":\"openid profile email offline_access\"}");
        tv = Admin.createClient(BASE, "{\"client_id\":\"tv-" + RUN + "\",\"client_name\":\"Portable TV\","
                + "\"grant_types\":[\"urn:ietf:params:oauth:grant-type:device_code\"],\"scope\":\"openid profile\"}");
        subject = SignIn.createUser(BASE, USER).getString("sub");
    }

    @AfterAll
    static void close() {
        if (rp != null) {
            rp.close();
        }
    }

    @Test
    @Order(1)
    void discoveryAdvertisesTheRootAndItsEndpointsAnswer() {
        JsonObject discovery = PortableCalls.getJson(BASE + "/.well-known/openid-configuration");
        assertThat(discovery.getString("issuer")).isEqualTo(BASE);
        assertThat(discovery.getString("token_endpoint")).isEqualTo(BASE + "/token");
        assertThat(discovery.getString("device_authorization_endpoint")).isEqualTo(BASE + "/device_authorization");
        // Context root "/": the advertised endpoints are where the WAR really is.
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(discovery.getString("jwks_uri")))).statusCode()).isEqualTo(200);
        HttpResponse<String> ready = Http.send(HttpRequest.newBuilder(URI.create(READY)));
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("UP");
    }

    @Test
    @Order(2)
    void jwksPublishesEveryEnabledAlgorithm() {
        List<String> algorithms = PortableCalls.getJson(BASE + "/jwks").getJsonArray("keys").getValuesAs(JsonObject.class)
                .stream().map(k -> k.getString("alg")).toList();
        assertThat(algorithms).contains("RS256", "PS256", "ES256", "EdDSA");
    }

    @Test
    @Order(3)
    void adminApiListsWhatItCreated() {
        JsonObject keys = PortableCalls.getJson(BASE + "/admin/api/keys", Admin.token(BASE));
        assertThat(keys.getJsonArray("keys")).isNotEmpty();
        assertThat(Http.send(Http.request(BASE, "/admin/api/keys")).statusCode()).as("no token").isEqualTo(401);
    }

    @Test
    @Order(4)
    void clientCredentialsTokenVerifiesAgainstJwks() throws Exception {
        SignedJWT token = SignedJWT.parse(PortableCalls.clientCredentials(BASE, service).getString("access_token"));
        assertThat(token.verify(new RSASSAVerifier(rsaKey(token.getHeader().getKeyID())))).isTrue();
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(BASE);
    }

    @Test
    @Order(5)
    void chromiumSignsInAndTheCodeRedeemsForAnIdToken() throws Exception {
        String verifier = SignIn.verifier();
        Map<String, String> request = SignIn.codeRequest(web.getString("client_id"), rp.redirectUri(),
                "openid profile email offline_access", verifier);
        request.put("prompt", "consent");
        Map<String, String> landed;
        try (PortableChromium chromium = new PortableChromium()) {
            landed = chromium.signIn(BASE + "/authorize?" + SignIn.query(request), USER, SignIn.PASSWORD, rp);
        }
        assertThat(landed).containsEntry("state", request.get("state")).containsEntry("iss", BASE);
        JsonObject tokens = PortableCalls.token(BASE, web, Map.of("grant_type", "authorization_code", "code", landed.get("code"),
                "redirect_uri", rp.redirectUri(), "code_verifier", verifier));
        IDTokenClaimsSet claims = new IDTokenValidator(new Issuer(BASE), new ClientID(web.getString("client_id")), JWSAlgorithm.RS256,
                new URL(BASE + "/jwks")).validate(SignedJWT.parse(tokens.getString("id_token")), new Nonce(request.get("nonce")));
        assertThat(claims.getSubject().getValue()).isEqualTo(subject);
        signedIn.put("access_token", tokens.getString("access_token"));
        signedIn.put("refresh_token", tokens.getString("refresh_token"));
    }

    @Test
    @Order(6)
    void refreshRotatesTheRefreshToken() {
        JsonObject refreshed = PortableCalls.token(BASE, web, Map.of("grant_type", "refresh_token", "refresh_token", signedIn.get("refresh_token")));
        assertThat(refreshed.getString("refresh_token")).isNotEqualTo(signedIn.get("refresh_token"));
        signedIn.put("access_token", refreshed.getString("access_token"));
        signedIn.put("refresh_token", refreshed.getString("refresh_token"));
    }

    @Test
    @Order(7)
    void introspectionSaysTheAccessTokenIsActive() {
        JsonObject answer = Admin.json(PortableCalls.post(BASE + "/introspect", web, Map.of("token", signedIn.get("access_token"))).body());
        assertThat(answer.getBoolean("active")).isTrue();
        assertThat(answer.getString("client_id")).isEqualTo(web.getString("client_id"));
    }

    @Test
    @Order(8)
    void revocationEndsTheRefreshToken() {
        assertThat(PortableCalls.post(BASE + "/revoke", web, Map.of("token", signedIn.get("refresh_token"))).statusCode()).isEqualTo(200);
        HttpResponse<String> again = PortableCalls.post(BASE + "/token", web,
                Map.of("grant_type", "refresh_token", "refresh_token", signedIn.get("refresh_token")));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Admin.json(again.body()).getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    @Order(9)
    void deviceFlowApprovedOnTheVerificationPage() {
        JsonObject codes = Admin.json(PortableCalls.post(BASE + "/device_authorization", tv, Map.of("scope", "openid profile")).body());
        assertThat(codes.getString("verification_uri")).isEqualTo(BASE + "/device");
        Browser browser = new Browser().at(BASE);
        HttpResponse<String> page = browser.follow(browser.get(codes.getString("verification_uri_complete")));
        HttpResponse<String> loginPage = browser.follow(browser.submit(page, "submit", Map.of("user_code", codes.getString("user_code"))));
        HttpResponse<String> confirm = SignIn.login(browser, loginPage, USER, SignIn.PASSWORD);
        assertThat(confirm.body()).contains("Portable TV");
        assertThat(SignIn.consent(browser, confirm, "approve").body()).contains("id=\"approved\"");
        JsonObject tokens = PortableCalls.token(BASE, tv, Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", codes.getString("device_code")));
        assertThat(tokens.getString("id_token")).isNotBlank();
    }

    @Test
    @Order(10)
    void keyRotationSignsWithTheNewKeyAtOnce() throws Exception {
        String before = PortableCalls.activeKid(BASE, "RS256");
        HttpResponse<String> rotated = Http.send(Http.request(BASE, "/admin/api/keys/RS256/rotate")
                .header("Authorization", "Bearer " + Admin.token(BASE)).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String after = PortableCalls.activeKid(BASE, "RS256");
        assertThat(after).isNotEqualTo(before);
        SignedJWT token = SignedJWT.parse(PortableCalls.clientCredentials(BASE, service).getString("access_token"));
        assertThat(token.getHeader().getKeyID()).isEqualTo(after);
        assertThat(token.verify(new RSASSAVerifier(rsaKey(after)))).isTrue();
        // The old key stays published for what it signed (docs/keys.md).
        assertThat(rsaKey(before)).isNotNull();
    }

    @Test
    @Order(11)
    void metricsAreTesserasOwnWithOneSetOfNames() {
        HttpResponse<String> metrics = Http.send(Http.request(BASE, "/metrics"));
        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        // Scrape refuses a series printed twice; the server's own metrics, where it has any, stay off this path.
        Scrape scrape = Scrape.of(metrics.body());
        assertThat(scrape.sum("tessera_token_requests_total", "grant=client_credentials", "outcome=issued")).isPositive();
    }

    static RSAKey rsaKey(String kid) throws Exception {
        return JWKSet.parse(Http.send(Http.request(BASE, "/jwks")).body()).getKeyByKeyId(kid).toRSAKey();
    }

    /**
     * Issue 20 point 2 on this server: a passkey added on the account page in Chromium (DevTools virtual authenticator;
     * {@code http://localhost} is a secure context) signs in without a password at {@code phr}. Proves webauthn4j and
     * its Jackson 3 load on the server as on Payara Micro.
     */
    @Test
    @Order(12)
    void aPasskeyAddedOnTheAccountPageSignsInWithoutAPassword() throws Exception {
        String verifier = SignIn.verifier();
        Map<String, String> request = SignIn.codeRequest(web.getString("client_id"), rp.redirectUri(), "openid", verifier);
        request.put("acr_values", "urn:tessera:acr:phr");
        String query;
        try (PortableChromium chromium = new PortableChromium()) {
            WebDriver driver = chromium.driver();
            PasskeySteps.authenticator(driver);
            PasskeySteps.addOnAccountPage(driver, BASE, USER, "Laptop");
            driver.manage().deleteAllCookies();
            driver.get(BASE + "/authorize?" + SignIn.query(request)); // the autofill request is answered with the one passkey
            query = rp.next(20);
            assertThat(query).as("Chromium is at " + driver.getCurrentUrl() + ": " + driver.getPageSource()).isNotNull();
        }
        Map<String, String> landed = LoopbackClient.parse(query);
        JsonObject tokens = PortableCalls.token(BASE, web, Map.of("grant_type", "authorization_code", "code", landed.get("code"),
                "redirect_uri", rp.redirectUri(), "code_verifier", verifier));
        IDTokenClaimsSet claims = new IDTokenValidator(new Issuer(BASE), new ClientID(web.getString("client_id")), JWSAlgorithm.RS256,
                new URL(BASE + "/jwks")).validate(SignedJWT.parse(tokens.getString("id_token")), new Nonce(request.get("nonce")));
        assertThat(claims.getACR().getValue()).isEqualTo("urn:tessera:acr:phr");
        assertThat(claims.getSubject().getValue()).isEqualTo(subject);
    }

    /**
     * The servlet filters are declared in web.xml, in the order they run: on this server too, a refusal by the size
     * limits (body or headers) or by the credentials-in-the-query check carries the request id and the common headers.
     */
    @Test
    @Order(13)
    void theFiltersRunInTheOrderWebXmlDeclares() {
        // Just over tessera.http.max-body-bytes (64 KiB), so the body is sent whole before the answer comes.
        HttpResponse<String> tooLarge = Http.send(Http.request(BASE, "/token").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[100_000])));
        HttpResponse<String> headersTooLarge = Http.send(Http.request(BASE, "/jwks").header("X-Padding", "a".repeat(20_000)).GET());
        HttpResponse<String> inQuery = Http.send(Http.request(BASE, "/token?client_secret=x")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        // Under other spellings of /token (some of which the JAX-RS runtime routes there), the credential is refused all the same.
        for (String spelling : List.of("/token/?client_secret=x", "/token;x=1?client_secret=x", "/tok%65n?client_secret=x")) {
            HttpResponse<String> variant = Http.send(Http.request(BASE, spelling).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
            assertThat(variant.statusCode()).as(spelling).isEqualTo(400);
            assertThat(variant.body()).as(spelling).contains("client_secret must be sent");
        }
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(inQuery.statusCode()).isEqualTo(400);
        assertThat(headersTooLarge.statusCode()).isEqualTo(431);
        for (HttpResponse<String> refused : List.of(tooLarge, inQuery, headersTooLarge)) {
            assertThat(refused.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
            assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }
}
