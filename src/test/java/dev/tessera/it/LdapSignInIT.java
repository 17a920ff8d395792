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
import java.nio.file.Path;
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
 * nothing, so every login here also goes through failover. The same server offers Kerberos single sign-on to loopback
 * clients, with the keytab of the MIT realm {@link KerberosRealm} creates before the deployment: the "kerberos" tests
 * sign in with a Java JGSS initiator, curl and Chromium (issue 20 point 5, docs/kerberos.md).
 */
@ExtendWith({InMemoryActiveDirectory.class, KerberosRealm.class, ArquillianExtension.class})
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

    /** Issue 25 point 5: the client's id_token_groups setting; without it and without the claims parameter, no groups. */
    @Test
    void aClientWithIdTokenGroupsGetsGroupsInTheIdTokenWithoutAskingOthersDoNot() throws Exception {
        JsonObject grouped = Admin.createClient("{\"client_id\":\"grouped\",\"redirect_uris\":[\"" + CB + "\"],"
                + "\"grant_types\":[\"authorization_code\"],\"scope\":\"openid groups\",\"require_consent\":false,\"id_token_groups\":true}");
        assertThat(grouped.getBoolean("id_token_groups")).isTrue();
        assertThat(idTokenGroups("grouped", grouped.getString("client_secret"))).containsExactlyInAnyOrder("Engineers", "Staff", "Builders", "Everyone");
        assertThat(idTokenGroups("web", web.getString("client_secret"))).as("default unchanged").isNull();
    }

    /** The groups of ada's ID token for a code flow of {@code clientId} with scope "openid groups" and no claims parameter. */
    static java.util.List<String> idTokenGroups(String clientId, String secret) throws Exception {
        String verifier = SignIn.verifier();
        Map<String, String> request = SignIn.codeRequest(clientId, CB, "openid groups", verifier);
        Map<String, String> answer = SignIn.redirectParams(SignIn.loginAndApprove(new Browser(), request, "ada"));
        HttpResponse<String> response = Http.send(Http.request("/token").header("Authorization", Admin.basic(clientId, secret))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(SignIn.query(
                        Map.of("grant_type", "authorization_code", "code", answer.get("code"), "redirect_uri", CB, "code_verifier", verifier)))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JWTParser.parse(Admin.json(response.body()).getString("id_token")).getJWTClaimsSet().getStringListClaim("groups");
    }

    static HttpResponse<String> listing(String query) {
        return Http.send(Http.request("/admin/api/users/ldap?" + query).header("Authorization", "Bearer " + Admin.token()).GET());
    }

    /** Issue 25 point 3: cookies Tessera did not issue are the request's fault, never the directory's. */
    @Test
    void forgedForeignOrTamperedCookiesAre400AndNeverOpenTheListingsCircuitBreaker() {
        String valid = Admin.json(listing("page-size=2").body()).getString("cookie");
        String madeUp = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("made up cookie".getBytes());
        byte[] otherNode = java.util.Base64.getUrlDecoder().decode(valid);
        otherNode[3] ^= 1;
        for (int i = 0; i < 12; i++) {
            String cookie = i % 3 == 0 ? madeUp : i % 3 == 1 ? "!!not-base64!!" : java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(otherNode);
            HttpResponse<String> refused = listing("page-size=2&cookie=" + cookie);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(Admin.json(refused.body()).getString("error")).isEqualTo("invalid_request");
            assertThat(Admin.json(refused.body()).getString("error_description")).contains("cookie", "start the listing again");
        }
        HttpResponse<String> next = listing("page-size=2&cookie=" + valid);
        assertThat(next.statusCode()).as("the breaker stayed closed: " + next.body()).isEqualTo(200);
        assertThat(listing("page-size=2").statusCode()).isEqualTo(200);
    }

    /** Issue 25 point 6: a prefix of username, name or email; filter characters literal; too short refused. */
    @Test
    void theListingSearchIsAPrefixOfUsernameNameOrEmail() {
        assertThat(Admin.json(listing("search=Ada%20L").body()).getJsonArray("users").getValuesAs(JsonObject.class))
                .extracting(u -> u.getString("username")).containsExactly("ada");
        assertThat(Admin.json(listing("search=ada%40corp").body()).getJsonArray("users")).hasSize(1);
        assertThat(Admin.json(listing("search=a*").body()).getJsonArray("users")).as("a literal star").isEmpty();
        HttpResponse<String> tooShort = listing("search=a");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(Admin.json(tooShort.body()).getString("error_description")).contains("tessera.ldap.search-min-length");
        HttpResponse<String> flushed = Http.send(Http.request("/admin/api/users/ldap/group-cache")
                .header("Authorization", "Bearer " + Admin.token()).DELETE());
        assertThat(flushed.statusCode()).as(flushed.body()).isEqualTo(204);
    }

    /**
     * Issue 25 point 4: local users created through the admin API while directory and local people sign in and
     * an administrator rotates a signing key every 2 s, for 20 s on five threads; the server must not log a single
     * SEVERE record meanwhile.
     */
    @Test
    void creatingUsersWhilePeopleSignInLogsNoSevereRecord() throws Exception {
        SignIn.createUser("storm-local");
        ServerLog log = ServerLog.mark();
        long end = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger signedIn = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger rotations = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(5);
        java.util.List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
        for (int t = 0; t < 5; t++) {
            int thread = t;
            work.add(threads.submit(() -> {
                while (System.nanoTime() < end) {
                    if (thread == 4) {
                        // A key rotation commits and announces CacheInvalidated(keys) from its afterCompletion.
                        HttpResponse<String> rotated = Http.send(Http.request("/admin/api/keys/ES256/rotate")
                                .header("Authorization", "Bearer " + Admin.token()).POST(HttpRequest.BodyPublishers.noBody()));
                        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
                        rotations.incrementAndGet();
                        Thread.sleep(2000);
                    } else if (thread < 2) {
                        SignIn.createUser("storm-" + thread + "-" + created.incrementAndGet());
                    } else {
                        JsonObject tokens = signIn(thread == 2 ? "ada" : "storm-local");
                        userinfo(tokens.getString("access_token"));
                        signedIn.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        threads.shutdown();
        for (java.util.concurrent.Future<?> each : work) {
            each.get();
        }
        assertThat(created.get()).isGreaterThan(10);
        assertThat(signedIn.get()).isGreaterThan(10);
        assertThat(log.severeSinceMark()).as("SEVERE records in " + ServerLog.files() + " while " + created + " users were created and "
                + signedIn + " sign-ins and " + rotations + " key rotations ran").isEmpty();
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

    // Kerberos single sign-on (issue 20 point 5, docs/kerberos.md).

    static final String KERBEROS_ACR = "urn:tessera:acr:kerberos";

    /** The login page of a fresh request, as an allowed client sees it: 401 Negotiate, the form as the body. */
    static HttpResponse<String> challenged(Browser browser, Map<String, String> request) {
        HttpResponse<String> page = SignIn.authorize(browser, request);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(401);
        assertThat(page.headers().allValues("WWW-Authenticate")).containsExactly("Negotiate");
        assertThat(page.body()).contains("id=\"username\"", "id=\"password\"", "id=\"login\"");
        return page;
    }

    /** The login page's answer to a person's Negotiate token (a JGSS initiator with their keytab). */
    static HttpResponse<String> negotiate(Browser browser, HttpResponse<String> page, String token) {
        return browser.get(page.uri().toString(), Map.of("Authorization", "Negotiate " + token));
    }

    static JsonObject redeem(Map<String, String> redirect, String verifier) {
        HttpResponse<String> response = token(new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", redirect.get("code"),
                "redirect_uri", CB, "code_verifier", verifier)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Admin.json(response.body());
    }

    static String metrics() {
        return Http.send(Http.request("/metrics").GET()).body();
    }

    @Test
    void kerberosAJavaJgssClientWithAKeytabSignsInAsTheDirectoryPersonWithAcrKerberos() throws Exception {
        KerberosRealm.assumeAvailable();
        String verifier = SignIn.verifier();
        Map<String, String> request = request("openid profile email groups");
        request.put("code_challenge", SignIn.challenge(verifier));
        Browser browser = new Browser();
        HttpResponse<String> page = challenged(browser, request);

        KerberosClient client = KerberosClient.forPerson("ada");
        HttpResponse<String> answered = negotiate(browser, page, client.token());
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(303);
        assertThat(client.finish(answered.headers().firstValue("WWW-Authenticate").orElseThrow()))
                .as("the server's mutual-authentication token completes the client's context").isTrue();

        JsonObject tokens = redeem(SignIn.redirectParams(browser.follow(answered)), verifier);
        IDTokenClaimsSet id = BrowserSignInIT.validator("web").validate(JWTParser.parse(tokens.getString("id_token")),
                new Nonce(request.get("nonce")));
        assertThat(id.getSubject().getValue()).isEqualTo(ADA_GUID);
        assertThat(id.getACR().getValue()).isEqualTo(KERBEROS_ACR);
        assertThat(id.getStringListClaim("amr")).containsExactly("kerberos");
        assertThat(id.getStringListClaim("groups")).contains("Engineers");
        assertThat(userinfo(tokens.getString("access_token")).getString("email")).isEqualTo("ada@corp.example");
        assertThat(metrics()).contains("tessera_kerberos_sign_ins_total{outcome=\"success\",store=\"ldap\"}");
        assertThat(Http.send(Http.request("/health/ready").GET()).body()).contains("ready (HTTP/localhost@CORP.EXAMPLE)");
        JsonObject discovery = Admin.json(Http.send(Http.request("/.well-known/openid-configuration").GET()).body());
        assertThat(discovery.getJsonArray("acr_values_supported").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).contains("urn:tessera:acr:password", KERBEROS_ACR);
    }

    @Test
    void kerberosAReplayedTokenAnUnknownPrincipalAndADisabledAccountEndOnTheFormWithTheirMessage() throws Exception {
        KerberosRealm.assumeAvailable();
        String token = KerberosClient.forPerson("ada").token();
        Browser first = new Browser();
        assertThat(negotiate(first, challenged(first, request("openid")), token).statusCode()).isEqualTo(303);

        Browser replaying = new Browser();
        HttpResponse<String> replayed = negotiate(replaying, challenged(replaying, request("openid")), token);
        assertThat(replayed.statusCode()).as("the form again, no second challenge").isEqualTo(200);
        assertThat(replayed.headers().allValues("WWW-Authenticate")).isEmpty();
        assertThat(replayed.body()).contains("the same ticket arrived twice", "id=\"username\"");

        Browser unknown = new Browser();
        HttpResponse<String> nobody = negotiate(unknown, challenged(unknown, request("openid")), KerberosClient.forPerson("nobody").token());
        assertThat(nobody.statusCode()).isEqualTo(200);
        assertThat(nobody.body()).contains("no account here belongs to it", "id=\"username\"");

        Browser disabled = new Browser();
        HttpResponse<String> bob = negotiate(disabled, challenged(disabled, request("openid")), KerberosClient.forPerson("bob").token());
        assertThat(bob.statusCode()).isEqualTo(200);
        assertThat(bob.body()).contains("This account is disabled. Contact your administrator.");

        Browser garbage = new Browser();
        HttpResponse<String> broken = negotiate(garbage, challenged(garbage, request("openid")), "YII=");
        assertThat(broken.statusCode()).isEqualTo(200);
        assertThat(broken.body()).contains("Automatic sign-in did not work on this device.");

        assertThat(metrics()).contains("outcome=\"replay\"", "outcome=\"unknown_principal\"", "outcome=\"disabled\"",
                "outcome=\"invalid_token\"");
        String audit = "";
        for (int i = 0; i < 20 && !(audit.contains("nobody@CORP.EXAMPLE") && audit.contains("replay")); i++) {
            Thread.sleep(i == 0 ? 0 : 500);  // the trail is written in batches, outside the request
            audit = Http.send(Http.request("/admin/api/audit?type=login.failed&limit=200").header("Authorization", "Bearer " + Admin.token()).GET()).body();
        }
        assertThat(audit).contains("nobody@CORP.EXAMPLE", "\"reason\":\"replay\"", "\"method\":\"kerberos\"");
    }

    @Test
    void kerberosAPrincipalOfTheLocalRealmSignsInTheLocalUserOfThatName() throws Exception {
        KerberosRealm.assumeAvailable();
        JsonObject kurt = SignIn.createUser("kurt");
        Browser browser = new Browser();
        HttpResponse<String> answered = negotiate(browser, challenged(browser, request("openid")), KerberosClient.forPerson("kurt").token());
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(303);
        String verifierless = SignIn.redirectParams(browser.follow(answered)).get("code");
        assertThat(verifierless).isNotBlank();
        assertThat(metrics()).contains("tessera_kerberos_sign_ins_total{outcome=\"success\",store=\"local\"}");
        assertThat(kurt.getString("sub")).isNotBlank();
    }

    @Test
    void kerberosCurlNegotiateWithAKinitTicketSignsIn() throws Exception {
        KerberosRealm.assumeAvailable();
        Path cache = KerberosRealm.kinit("ada");
        String verifier = SignIn.verifier();
        Map<String, String> request = request("openid");
        request.put("code_challenge", SignIn.challenge(verifier));

        NegotiatingClients.CurlRun run = NegotiatingClients.curlToClient(cache, TesseraDeployment.issuer() + "/authorize?" + SignIn.query(request),
                "rp.example.com");
        // curl sends its token with the first request once --negotiate is the only method: no 401 is needed.
        assertThat(run.statuses()).as(run.toString()).noneMatch(s -> s.contains(" 500")).anyMatch(s -> s.contains(" 302"));
        assertThat(run.location()).as(run.toString()).startsWith(CB + "?code=");
        Map<String, String> redirect = new LinkedHashMap<>();
        for (String pair : java.net.URI.create(run.location()).getQuery().split("&")) {
            redirect.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        IDTokenClaimsSet id = BrowserSignInIT.validator("web").validate(JWTParser.parse(redeem(redirect, verifier).getString("id_token")),
                new Nonce(request.get("nonce")));
        assertThat(id.getSubject().getValue()).isEqualTo(ADA_GUID);
        assertThat(id.getACR().getValue()).isEqualTo(KERBEROS_ACR);
    }

    @Test
    void kerberosChromiumWithATicketSignsInWithoutSeeingTheForm() throws Exception {
        KerberosRealm.assumeAvailable();
        org.junit.jupiter.api.Assumptions.assumeTrue(NegotiatingClients.chromiumInstalled(), "No Debian Chromium here: skipped");
        Path cache = KerberosRealm.kinit("ada");
        try (LoopbackClient rp = new LoopbackClient()) {
            JsonObject client = Admin.createClient("{\"client_id\":\"kerberos-chromium\",\"redirect_uris\":[\"" + rp.redirectUri()
                    + "\"],\"grant_types\":[\"authorization_code\"],\"scope\":\"openid\",\"require_consent\":false}");
            String verifier = SignIn.verifier();
            Map<String, String> request = SignIn.codeRequest("kerberos-chromium", rp.redirectUri(), "openid", verifier);
            org.openqa.selenium.WebDriver chromium = NegotiatingClients.chromium(cache);
            String query;
            try {
                // Debian's Chromium answers the first Negotiate challenge after its start as an unsupported scheme (it loads
                // its GSS-API library then) and every later one: one challenge first, as a running browser has long had.
                chromium.get(TesseraDeployment.issuer() + "/ui/login.xhtml?return=/ui/account.xhtml");
                Thread.sleep(1500);
                chromium.get(TesseraDeployment.issuer() + "/authorize?" + SignIn.query(request));
                query = rp.next(20);
                assertThat(query).as("Chromium is at " + chromium.getCurrentUrl()).isNotNull();
            } finally {
                chromium.quit();
            }
            Map<String, String> answer = LoopbackClient.parse(query);
            HttpResponse<String> response = Http.send(Http.request("/token")
                    .header("Authorization", Admin.basic("kerberos-chromium", client.getString("client_secret")))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(SignIn.query(
                            Map.of("grant_type", "authorization_code", "code", answer.get("code"), "redirect_uri", rp.redirectUri(),
                                    "code_verifier", verifier)))));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            String idToken = Admin.json(response.body()).getString("id_token");
            assertThat(JWTParser.parse(idToken).getJWTClaimsSet().getStringClaim("acr")).isEqualTo(KERBEROS_ACR);
            assertThat(JWTParser.parse(idToken).getJWTClaimsSet().getStringListClaim("amr")).containsExactly("kerberos");
        }
    }

    /**
     * Issue 20: Kerberos ranks below mfa, so a Kerberos session asked for mfa is stepped up with the second factor only
     * (no password), and keeps what the ticket proved in amr.
     */
    @Test
    void kerberosASessionAskedForMfaIsSteppedUpWithTheCodeOnly() throws Exception {
        KerberosRealm.assumeAvailable();
        TotpSteps.Enrolled ada = TotpSteps.enrol(new Browser(), "ada");
        try {
            String verifier = SignIn.verifier();
            Map<String, String> request = request("openid");
            request.put("code_challenge", SignIn.challenge(verifier));
            request.put("acr_values", "urn:tessera:acr:mfa");
            Browser browser = new Browser();
            HttpResponse<String> answered = negotiate(browser, challenged(browser, request), KerberosClient.forPerson("ada").token());
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(303);
            HttpResponse<String> factorPage = browser.follow(answered);
            assertThat(factorPage.body()).as("only the missing factor").contains("id=\"code\"", "id=\"verify\"").doesNotContain("id=\"password\"");
            HttpResponse<String> redirect = browser.follow(browser.submit(factorPage, "verify", Map.of("code", ada.nextCode())));
            IDTokenClaimsSet id = BrowserSignInIT.validator("web").validate(JWTParser.parse(redeem(SignIn.redirectParams(redirect), verifier)
                    .getString("id_token")), new Nonce(request.get("nonce")));
            assertThat(id.getSubject().getValue()).isEqualTo(ADA_GUID);
            assertThat(id.getACR().getValue()).isEqualTo("urn:tessera:acr:mfa");
            assertThat(id.getStringListClaim("amr")).containsExactly("kerberos", "otp", "mfa");

            Map<String, String> kerberosOnly = request("openid");
            kerberosOnly.put("claims", "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"" + KERBEROS_ACR + "\"]}}}");
            kerberosOnly.put("prompt", "none");
            assertThat(SignIn.redirectParams(SignIn.authorize(browser, kerberosOnly))).as("mfa ranks above kerberos: met silently")
                    .containsKey("code");
        } finally {
            assertThat(Http.send(Http.request("/admin/api/users/" + ADA_GUID + "/factors").header("Authorization", "Bearer " + Admin.token())
                    .DELETE()).statusCode()).isEqualTo(204);
        }
    }

    /**
     * Issue 20: after an explicit sign-out, the ticket does not sign the person straight back in: the login page sends
     * no challenge but offers "Sign in with Windows", which challenges again; a password sign-in ends the pause too.
     */
    @Test
    void kerberosAfterSigningOutTheLoginPageSendsNoChallengeUntilThePersonAsks() throws Exception {
        KerberosRealm.assumeAvailable();
        Browser browser = new Browser();
        HttpResponse<String> answered = negotiate(browser, challenged(browser, request("openid")), KerberosClient.forPerson("ada").token());
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(303);
        assertThat(SignIn.redirectParams(browser.follow(answered))).containsKey("code");
        HttpResponse<String> ask = browser.follow(browser.get("/logout"));
        assertThat(browser.follow(browser.submit(ask, "logout", Map.of())).body()).contains("id=\"signed-out\"");

        HttpResponse<String> form = SignIn.authorize(browser, request("openid"));
        assertThat(form.statusCode()).as("no 401 after the sign-out").isEqualTo(200);
        assertThat(form.headers().allValues("WWW-Authenticate")).isEmpty();
        assertThat(form.body()).contains("id=\"username\"", "id=\"kerberos-login\"");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("id=\"kerberos-login\"[^>]*href=\"([^\"]+)\"").matcher(form.body());
        assertThat(link.find()).isTrue();
        HttpResponse<String> asked = browser.get(Browser.unescape(link.group(1)));
        assertThat(asked.statusCode()).as("Sign in with Windows: the challenge again").isEqualTo(401);
        assertThat(asked.headers().allValues("WWW-Authenticate")).containsExactly("Negotiate");
        HttpResponse<String> again = negotiate(browser, asked, KerberosClient.forPerson("ada").token());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(303);
        assertThat(SignIn.redirectParams(browser.follow(again))).containsKey("code");

        Browser other = new Browser();
        SignIn.loginAndApprove(other, request("openid"), "ada");
        HttpResponse<String> otherAsk = other.follow(other.get("/logout"));
        other.follow(other.submit(otherAsk, "logout", Map.of()));
        HttpResponse<String> paused = SignIn.authorize(other, request("openid"));
        assertThat(paused.statusCode()).isEqualTo(200);
        SignIn.login(other, paused, "ada", SignIn.PASSWORD);
        Map<String, String> relogin = request("openid");
        relogin.put("prompt", "login");
        challenged(other, relogin);
    }

    @Test
    void kerberosIsNotOfferedOutsideTheConfiguredNetworks() {
        KerberosRealm.assumeAvailable();
        String page = "/ui/login.xhtml?return=/ui/account.xhtml";
        // 127.0.0.2 is a trusted proxy (arquillian.xml): the client is the address it forwards, outside 127.0.0.0/8.
        FromAddress.Answer outside = FromAddress.get("127.0.0.2", page, Map.of("X-Forwarded-For", "203.0.113.9"));
        assertThat(outside.status()).as(outside.head()).isEqualTo(200);
        assertThat(outside.head().toLowerCase(java.util.Locale.ROOT)).doesNotContain("www-authenticate");
        assertThat(outside.body()).contains("id=\"username\"", "id=\"password\"");

        FromAddress.Answer inside = FromAddress.get("127.0.0.2", page, Map.of("X-Forwarded-For", "127.0.0.1"));
        assertThat(inside.status()).isEqualTo(401);
        assertThat(inside.head()).contains("WWW-Authenticate: Negotiate");
        assertThat(inside.body()).contains("id=\"username\"");
    }

    /**
     * Issue 19 point 5: with {@code tessera.ldap.password-change} on, a directory person changes the password on the account
     * page (AD's unicodePwd over StartTLS, as the in-memory directory performs it); the directory's policy refusal is shown,
     * the other browser is signed out, and afterwards only the new password signs in.
     */
    @Test
    void aDirectoryPersonChangesThePasswordOnTheAccountPageAndOnlyTheNewOneSignsInAfterwards() throws Exception {
        String base = TesseraDeployment.issuer();
        String page = base + "/ui/account-password.xhtml";
        String fresh = "amber trellis ninety gulls";
        String shortOne = "Zq8#vL2!pw";
        LogCanary.record("password", fresh);
        LogCanary.record("password", shortOne);
        Browser browser = new Browser();
        SignIn.login(browser, browser.follow(browser.get(base + "/account")), "ada", SignIn.PASSWORD);
        Browser other = new Browser();
        SignIn.login(other, other.follow(other.get(base + "/account")), "ada", SignIn.PASSWORD);
        try {
            assertThat(browser.get(page).body()).contains("id=\"current-password\"", "checks the new password against its own rules")
                    .doesNotContain("id=\"account-password-directory\"");
            assertThat(changePassword(browser, page, shortOne, shortOne)).as("the directory's policy (AD 52D)")
                    .contains("The directory refused the new password");
            assertThat(changePassword(browser, page, fresh, fresh + "x")).contains("are not the same");
            assertThat(changePassword(browser, page, fresh, fresh)).contains("Your password was changed.");

            assertThat(browser.get(base + "/ui/account.xhtml").statusCode()).as("this browser stays signed in").isEqualTo(200);
            assertThat(other.get(base + "/ui/account.xhtml").statusCode()).as("the other browser was signed out").isEqualTo(303);
            assertThat(loginError("ada", SignIn.PASSWORD)).as("the old password").contains("The username or password is incorrect.");
            Browser later = new Browser();
            assertThat(SignIn.login(later, later.follow(later.get(base + "/account")), "ada", fresh).body()).contains("id=\"account-whoami\"");
        } finally {
            InMemoryActiveDirectory.directory().server().modify(ADA_DN,
                    new Modification(ModificationType.REPLACE, "userPassword", SignIn.PASSWORD));
        }
    }

    private static String changePassword(Browser browser, String page, String next, String again) {
        return browser.submit(browser.get(page), "change-password",
                Map.of("current-password", SignIn.PASSWORD, "new-password", next, "new-password-again", again)).body();
    }
}
