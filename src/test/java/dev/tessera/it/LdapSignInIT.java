package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * People from Active Directory sign in through the login page, live: Tessera runs with
 * {@code tessera.users.stores=local,ldap} against the in-memory AD that {@link InMemoryActiveDirectory} starts
 * before the deployment (see arquillian.xml, container payara-micro-ldap). The first configured URL answers
 * nothing, so every login here also goes through failover.
 */
@ExtendWith({InMemoryActiveDirectory.class, ArquillianExtension.class})
class LdapSignInIT {
    static final String CB = "https://rp.example.com/cb";
    static final String ADA_GUID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    static final String ADA_DN = "CN=Ada Lovelace,OU=People,DC=corp,DC=example";
    static JsonObject web;

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-ldap")
    static WebArchive deployment() {
        return TesseraDeployment.war();
    }

    @BeforeAll
    static void setUp() {
        web = Admin.createClient("{\"client_id\":\"web\",\"redirect_uris\":[\"" + CB + "\"],\"grant_types\":[\"authorization_code\","
                + "\"refresh_token\"],\"scope\":\"openid profile email groups\",\"require_consent\":false}");
    }

    static Map<String, String> request(String scope) {
        Map<String, String> request = SignIn.codeRequest("web", CB, scope, SignIn.verifier());
        // OpenID Connect Core §5.5: the groups claim asked for in the ID token as well, not only at userinfo.
        request.put("claims", "{\"id_token\":{\"groups\":null}}");
        return request;
    }

    static HttpResponse<String> token(Map<String, String> form) {
        return Http.send(Http.request("/token").header("Authorization", Admin.basic("web", web.getString("client_secret")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(SignIn.query(form))));
    }

    /** Signs {@code username} in and redeems the code; the token response. */
    static JsonObject signIn(String username, Map<String, String> request, String verifierHolder) {
        Map<String, String> answer = SignIn.redirectParams(SignIn.loginAndApprove(new Browser(), request, username));
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", answer.get("code"),
                "redirect_uri", CB, "code_verifier", verifierHolder));
        HttpResponse<String> response = token(form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Admin.json(response.body());
    }

    static JsonObject signIn(String username) {
        String verifier = SignIn.verifier();
        Map<String, String> request = request("openid profile email groups");
        request.put("code_challenge", SignIn.challenge(verifier));
        return signIn(username, request, verifier);
    }

    static JsonObject userinfo(String accessToken) {
        HttpResponse<String> response = Http.send(Http.request("/userinfo").header("Authorization", "Bearer " + accessToken).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Admin.json(response.body());
    }

    static String loginError(String username, String password) {
        Browser browser = new Browser();
        HttpResponse<String> page = SignIn.login(browser, SignIn.authorize(browser, request("openid")), username, password);
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    @Test
    void anActiveDirectoryUserSignsInBySamAccountNameWithNestedGroupsInTheIdTokenAndUserinfo() throws Exception {
        String verifier = SignIn.verifier();
        Map<String, String> request = request("openid profile email groups");
        request.put("code_challenge", SignIn.challenge(verifier));
        JsonObject tokens = signIn("ada", request, verifier);

        IDTokenClaimsSet id = BrowserSignInIT.validator("web").validate(JWTParser.parse(tokens.getString("id_token")),
                new Nonce(request.get("nonce")));
        assertThat(id.getSubject().getValue()).isEqualTo(ADA_GUID);
        assertThat(id.getStringListClaim("groups")).containsExactlyInAnyOrder("Engineers", "Staff", "Builders", "Everyone");
        assertThat(id.getStringListClaim("amr")).containsExactly("pwd");

        JsonObject info = userinfo(tokens.getString("access_token"));
        assertThat(info.getString("sub")).isEqualTo(ADA_GUID);
        assertThat(info.getString("email")).isEqualTo("ada@corp.example");
        assertThat(info.getString("name")).isEqualTo("Ada Lovelace");
        assertThat(info.getString("preferred_username")).isEqualTo("ada");
        assertThat(info.getJsonArray("groups").getValuesAs(jakarta.json.JsonString.class)).extracting(jakarta.json.JsonString::getString)
                .containsExactlyInAnyOrder("Engineers", "Staff", "Builders", "Everyone");
    }

    @Test
    void theUserPrincipalNameSignsInTheSamePerson() {
        JsonObject tokens = signIn("ada@corp.example");
        assertThat(userinfo(tokens.getString("access_token")).getString("sub")).isEqualTo(ADA_GUID);
    }

    @Test
    void disabledMustChangePasswordAndWrongPasswordEachShowTheirMessage() {
        assertThat(loginError("bob", SignIn.PASSWORD)).contains("This account is disabled. Contact your administrator.");
        assertThat(loginError("carol", SignIn.PASSWORD)).contains("Your password must be changed before you can sign in.");
        assertThat(loginError("dave", SignIn.PASSWORD)).contains("This account is locked.");
        assertThat(loginError("ada", "not the password")).contains("The username or password is incorrect.");
        assertThat(loginError("*)(sAMAccountName=*", SignIn.PASSWORD)).contains("The username or password is incorrect.");
    }

    @Test
    void aUserDisabledInTheDirectoryLosesAccessAtTheNextRefresh() throws Exception {
        JsonObject tokens = signIn("ada");
        try {
            InMemoryActiveDirectory.directory().server().modify(ADA_DN,
                    new Modification(ModificationType.REPLACE, "userAccountControl", "514"));

            HttpResponse<String> refreshed = token(Map.of("grant_type", "refresh_token", "refresh_token", tokens.getString("refresh_token")));
            assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(400);
            assertThat(Admin.json(refreshed.body()).getString("error")).isEqualTo("invalid_grant");
        } finally {
            InMemoryActiveDirectory.directory().server().modify(ADA_DN,
                    new Modification(ModificationType.REPLACE, "userAccountControl", "512"));
        }
    }

    @Test
    void aRefreshOfAnActiveUserReadsTheDirectoryAndSucceeds() {
        JsonObject tokens = signIn("ada");
        HttpResponse<String> refreshed = token(Map.of("grant_type", "refresh_token", "refresh_token", tokens.getString("refresh_token")));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    }

    @Test
    void aLocalUserWithTheSameUsernameComesFirstInTheConfiguredOrder() {
        JsonObject local = SignIn.createUser("admin");
        JsonObject tokens = signIn("admin");
        assertThat(userinfo(tokens.getString("access_token")).getString("sub")).isEqualTo(local.getString("sub"))
                .isNotEqualTo("66666666-7777-8888-9999-aaaaaaaaaaaa");
    }

    @Test
    void readinessReportsTheDirectoryDegradedWhileOneOfTwoServersIsDown() {
        HttpResponse<String> ready = Http.send(Http.request("/health/ready").GET());
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("degraded (1 of 2 servers answer)", "ldap://127.0.0.1:1");
    }

    @Test
    void administratorsPageThroughDirectoryUsers() {
        java.util.List<String> names = new java.util.ArrayList<>();
        String cookie = "";
        int pages = 0;
        do {
            HttpResponse<String> response = Http.send(Http.request("/admin/api/users/ldap?page-size=3&cookie=" + cookie)
                    .header("Authorization", "Bearer " + Admin.token()).GET());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonObject page = Admin.json(response.body());
            assertThat(page.getJsonArray("users").size()).isLessThanOrEqualTo(3);
            page.getJsonArray("users").getValuesAs(JsonObject.class).forEach(u -> names.add(u.getString("username")));
            cookie = page.containsKey("cookie") ? page.getString("cookie") : null;
            pages++;
        } while (cookie != null && pages < 10);

        assertThat(pages).isGreaterThan(1);
        assertThat(names).containsExactlyInAnyOrder("ada", "bob", "carol", "dave", "erin", "frank", "admin");
        assertThat(Http.send(Http.request("/admin/api/users/ldap").GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void ldapLatencyPerOperationIsInTheMetrics() {
        signIn("ada");
        String metrics = Http.send(Http.request("/metrics").GET()).body();
        String ldapLines = metrics.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("ldap"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(ldapLines).as(ldapLines).contains("tessera_ldap_latency", "operation=\"bind\"", "operation=\"search\"",
                "operation=\"groups\"");
    }

    @Test
    void whileNoDirectoryServerAnswersDirectorySignInIsUnavailableRefreshWaitsAndLocalUsersStillSignIn() throws Exception {
        JsonObject tokens = signIn("ada");
        SignIn.createUser("local-during-outage");
        var server = InMemoryActiveDirectory.directory().server();
        server.shutDown(true);
        try {
            assertThat(loginError("ada", SignIn.PASSWORD)).contains("Sign-in is unavailable right now.");
            // tessera.ldap.required-for-readiness=false (the default): reported, but the node stays ready.
            HttpResponse<String> ready = awaitReadinessBody("unreachable (0 of 2 servers answer)");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(Admin.json(ready.body()).getString("status")).isEqualTo("UP");
            // Local users and their tokens do not need the directory.
            JsonObject local = signIn("local-during-outage");
            assertThat(userinfo(local.getString("access_token")).getString("preferred_username")).isEqualTo("local-during-outage");
            // The account cannot be re-checked: the refresh fails, but does not burn the refresh token.
            HttpResponse<String> refresh = token(Map.of("grant_type", "refresh_token", "refresh_token", tokens.getString("refresh_token")));
            assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(500);
            assertThat(Admin.json(refresh.body()).getString("error")).isEqualTo("server_error");
        } finally {
            server.startListening();
        }
        awaitReadinessBody("reachable (");
        HttpResponse<String> later = token(Map.of("grant_type", "refresh_token", "refresh_token", tokens.getString("refresh_token")));
        assertThat(later.statusCode()).as("the same refresh token works once the directory is back: " + later.body()).isEqualTo(200);
    }

    /** Polls readiness (the probe's answer is kept a few seconds) until its body says {@code text}. */
    static HttpResponse<String> awaitReadinessBody(String text) throws InterruptedException {
        HttpResponse<String> ready = null;
        for (int i = 0; i < 30; i++) {
            ready = Http.send(Http.request("/health/ready").GET());
            if (ready.body().contains(text)) {
                return ready;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("readiness never said " + text + ": " + ready.body());
    }
}
