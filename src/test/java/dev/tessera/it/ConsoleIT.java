package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 21: the operators' console in Debian's headless Chromium. An operator of {@code tessera-admins} signs in
 * through the normal login page (the console is a client of Tessera's own), creates a client (a refused one first,
 * with the admin API's own error), rotates its secret, finds a person, ends their session and reads the audit rows
 * of all that; a person in no console group gets the 403 page; a read-only operator ({@code tessera-auditors}) sees
 * the pages, and every change, clicked or forged, is refused by the server. Screenshots go to target/screenshots/.
 */
@ExtendWith({InMemoryActiveDirectory.class, ArquillianExtension.class})
class ConsoleIT {
    static final String ADA_PASSWORD = "correct horse battery staple";
    static final String ADA_DN = LdapSignInIT.ADA_DN;
    static JsonObject readOnlyTarget;
    static String readOnlyTargetSecret;
    WebDriver driver;

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-ldap")
    static WebArchive deployment() {
        return TesseraDeployment.war();
    }

    @BeforeAll
    static void setUp() {
        if (!Files.isExecutable(BrowserPagesIT.CHROMIUM) || !Files.isExecutable(BrowserPagesIT.CHROMEDRIVER)) {
            if (System.getenv("CI") != null) {
                fail("ConsoleIT needs Debian's chromium and chromium-driver");
            }
            Assumptions.abort("No Debian Chromium here: console browser tests skipped");
        }
        BrowserPagesIT.QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        createUser("olga", "tessera-admins");
        createUser("rita", "tessera-auditors");
        createUser("pete", "staff");
        createUser("ursula", "staff");
        createUser("fay", "staff");
        createUser("gus", "staff");
        LogCanary.record("password", ADA_PASSWORD);
        Admin.createClient("{\"client_id\":\"console-rp\",\"redirect_uris\":[\"http://127.0.0.1:9/cb\"],"
                + "\"grant_types\":[\"authorization_code\"],\"scope\":\"openid\"}");
        readOnlyTarget = Admin.createClient("{\"client_id\":\"ro-target\",\"grant_types\":[\"client_credentials\"],\"scope\":\"read\"}");
        readOnlyTargetSecret = readOnlyTarget.getString("client_secret");
    }

    @BeforeEach
    void openBrowser() throws IOException {
        Path profile = Files.createTempDirectory(Files.createDirectories(BrowserPagesIT.TARGET.resolve("chromium-profiles")), "console");
        ChromeOptions options = new ChromeOptions().setBinary(BrowserPagesIT.CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,800", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(BrowserPagesIT.CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(BrowserPagesIT.TARGET.resolve("chromedriver-console.log").toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anOperatorCreatesAClientRotatesItsSecretEndsASessionAndReadsTheAudit() throws Exception {
        signIn("olga");
        assertThat(driver.findElements(By.id("console-read-only"))).isEmpty();
        assertThat(driver.findElement(By.id("console-ready")).getText()).startsWith("Ready");
        assertThat(driver.findElement(By.id("console-ldap-servers")).getText()).contains("ldap://127.0.0.1:1", "does not answer", "answers");
        assertThat(driver.findElement(By.id("console-members")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("console-rates")).getText()).as("olga's sign-in a moment ago")
                .containsPattern("sign-ins success [1-9]");
        screenshot("console-overview");
        open("/ui/admin/keys.xhtml");
        String keys = driver.findElement(By.id("console-keys")).getText();
        driver.findElements(By.cssSelector("#console-next-rotation .rotate-key")).get(0).click();
        awaitMessage("A new key signs from now on");
        assertThat(driver.findElement(By.id("console-keys")).getText()).as("a new key, the old one retiring").isNotEqualTo(keys);

        open("/ui/admin/api.xhtml");
        await(By.cssSelector("#openapi .openapi-op"));
        assertThat(driver.findElement(By.id("openapi")).getText()).contains("/admin/api/clients", "/token");
        screenshot("console-api");

        open("/ui/admin/client.xhtml");
        setMetadata("{\"client_id\":\"made-here\",\"redirect_uris\":[\"http://app.example.com/cb\"],\"grant_types\":[\"authorization_code\"]}");
        driver.findElement(By.id("save-client")).click();
        awaitMessage("http redirect URIs are allowed only on 127.0.0.1"); // the admin API's own error_description

        setMetadata("{\"client_id\":\"made-here\",\"client_name\":\"Made Here\",\"grant_types\":[\"client_credentials\"],\"scope\":\"read\"}");
        clickAndAwaitNextPage("save-client");
        String first = secretShown();
        assertThat(token("made-here", first)).isEqualTo(200);
        screenshot("console-client-created");

        clickAndAwaitNextPage("rotate-secret");
        String second = secretShown();
        assertThat(second).isNotEqualTo(first);
        assertThat(token("made-here", first)).as("the old secret").isEqualTo(401);
        assertThat(token("made-here", second)).isEqualTo(200);

        driver.findElement(By.id("disable-client")).click();
        await(By.id("enable-client"));
        assertThat(adminGet("/admin/api/clients/made-here").getBoolean("enabled")).isFalse();

        open("/ui/admin/clients.xhtml");
        driver.findElement(By.id("q")).sendKeys("made-");
        driver.findElement(By.id("search")).click();
        await(ExpectedConditions.urlContains("q=made-"));
        assertThat(driver.findElement(By.id("console-clients")).getText()).contains("made-here", "Made Here").doesNotContain("ro-target");
        screenshot("console-clients");

        Browser elsewhere = new Browser();
        HttpResponse<String> landed = SignIn.loginAndApprove(elsewhere, SignIn.codeRequest("console-rp", "http://127.0.0.1:9/cb", "openid",
                SignIn.verifier()), "ursula");
        assertThat(landed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("http://127.0.0.1:9/cb?code="));
        String ursula = adminSub("ursula");

        open("/ui/admin/users.xhtml");
        driver.findElement(By.id("q")).sendKeys("ursu");
        driver.findElement(By.id("search")).click();
        await(ExpectedConditions.urlContains("q=ursu"));
        driver.findElement(By.linkText("ursula")).click();
        await(By.id("user-sessions"));
        assertThat(driver.findElements(By.cssSelector("#user-sessions .end-session"))).hasSize(1);
        screenshot("console-user");
        driver.findElement(By.cssSelector("#user-sessions .end-session")).click();
        awaitMessage("Session ended");
        assertThat(driver.findElements(By.cssSelector("#user-sessions .end-session"))).isEmpty();
        assertThat(adminGet("/admin/api/users/" + ursula + "/sessions").getJsonArray("sessions")).isEmpty();

        List<String> wanted = List.of("admin.client.created", "admin.client.secret_rotated", "admin.client.updated", "session.ended",
                "key.rotated");
        String rows = "";
        for (int i = 0; i < 40 && !wanted.stream().allMatch(rows::contains); i++) { // the trail is written in batches
            Thread.sleep(250);
            open("/ui/admin/audit.xhtml?actor=console:olga");
            rows = driver.findElement(By.id("console-audit")).getText();
        }
        assertThat(rows).contains(wanted).contains("made-here", ursula).doesNotContain(first).doesNotContain(second);
        driver.findElement(By.id("verify-chain")).click();
        awaitMessage("The chain is intact");
        screenshot("console-audit");
    }

    /**
     * The keys page retires the signing key (it signs no more, a new one does, and it stays in the JWKS); the directory
     * page shows the servers (the first URL answers nothing), the configuration with the bind password masked, and a
     * look-up and test sign-ins against the in-memory Active Directory with the exact filter, DN, bind and groups; the
     * users page's search finds a directory person; a local user is created, their profile edited, a second factor required of them and the factors of another reset.
     * All of it in the audit trail as {@code console:olga}.
     */
    @Test
    void anOperatorRetiresAKeyTestsTheDirectoryAndManagesUsers() throws Exception {
        TotpSteps.enrol(new Browser(), "fay");
        String fay = adminSub("fay");
        signIn("olga");

        open("/ui/admin/keys.xhtml");
        screenshot("console-keys");
        JsonObject active = activeKey(adminGet("/admin/api/keys"));
        String kid = active.getString("kid");
        WebElement row = driver.findElement(By.xpath("//table[@id='console-keys']//tr[td/code[text()='" + kid + "']]"));
        row.findElement(By.cssSelector(".retire-key")).click();
        awaitMessage("signs no more");
        JsonObject ring = adminGet("/admin/api/keys");
        assertThat(ring.getJsonArray("keys").getValuesAs(JsonObject.class)).anySatisfy(k -> {
            assertThat(k.getString("kid")).isEqualTo(kid);
            assertThat(k.getString("state")).isEqualTo("retired");
        });
        assertThat(activeKey(ring).getString("kid")).as("a new key signs").isNotEqualTo(kid);
        assertThat(Http.get("/jwks").body()).as("still published for the tokens it signed").contains(kid);

        open("/ui/admin/directory.xhtml");
        String servers = await(By.id("directory-servers")).getText();
        assertThat(servers).contains("ldap://127.0.0.1:1", "does not answer", "answers");
        assertThat(driver.findElement(By.id("directory-configuration")).getText()).contains("tessera.ldap.bind-password ********",
                "CN=svc-tessera,OU=Service,DC=corp,DC=example").doesNotContain("service secret");
        driver.findElement(By.id("directory-username")).sendKeys("ada");
        driver.findElement(By.id("directory-lookup")).click();
        assertThat(await(By.id("trial-dn")).getText()).isEqualTo(ADA_DN);
        assertThat(driver.findElement(By.id("trial-filter")).getText()).isEqualTo(
                "(&(objectClass=user)(|(sAMAccountName=ada)(userPrincipalName=ada)))");
        assertThat(driver.findElement(By.id("trial-groups")).getText()).contains("Engineers", "Staff");
        assertThat(driver.findElement(By.id("trial-bind")).getText()).isEmpty();
        driver.findElement(By.id("directory-password")).sendKeys(ADA_PASSWORD);
        driver.findElement(By.id("directory-sign-in")).click();
        await(ExpectedConditions.textToBePresentInElementLocated(By.id("trial-bind"), "success"));
        assertThat(driver.getPageSource()).as("the password is never echoed").doesNotContain(ADA_PASSWORD);
        screenshot("console-directory");
        setText("directory-username", "ada");
        driver.findElement(By.id("directory-password")).sendKeys("wrong horse");
        driver.findElement(By.id("directory-sign-in")).click();
        await(ExpectedConditions.textToBePresentInElementLocated(By.id("trial-bind"), "49"));
        assertThat(driver.findElement(By.id("trial-groups")).getText()).contains("Engineers");

        // The users page's one search reaches the directory too: ada is found there, and her page opens.
        open("/ui/admin/users.xhtml");
        driver.findElement(By.id("q")).sendKeys("ada");
        driver.findElement(By.id("search")).click();
        await(ExpectedConditions.urlContains("q=ada"));
        WebElement adaRow = driver.findElement(By.xpath("//table[@id='console-users']//tr[td/a[text()='ada']]"));
        assertThat(adaRow.getText()).contains("ldap");
        adaRow.findElement(By.linkText("ada")).click();
        await(By.id("user-sessions"));
        assertThat(driver.getCurrentUrl()).contains("user.xhtml?sub=");

        open("/ui/admin/user.xhtml");
        setText("new-profile", "{\"username\":\"nadia\",\"name\":\"Nadia Example\",\"groups\":[\"staff\"]}");
        driver.findElement(By.id("new-user-password")).sendKeys(SignIn.PASSWORD);
        driver.findElement(By.id("create-user")).click();
        await(ExpectedConditions.urlContains("user.xhtml?sub="));
        String nadia = adminSub("nadia");
        assertThat(driver.getCurrentUrl()).contains(nadia);
        assertThat(SignIn.redirectParams(SignIn.loginAndApprove(new Browser(), SignIn.codeRequest("console-rp", "http://127.0.0.1:9/cb",
                "openid", SignIn.verifier()), "nadia"))).as("the password set at creation signs in").containsKey("code");
        String profile = await(By.id("profile")).getAttribute("value");
        setText("profile", profile.replace("Nadia Example", "Nadia Renamed"));
        driver.findElement(By.id("save-profile")).click();
        awaitMessage("Profile saved");
        assertThat(adminGet("/admin/api/users/" + nadia).getString("name")).isEqualTo("Nadia Renamed");
        driver.findElement(By.id("require-factor")).click();
        awaitMessage("A second factor is now required");
        assertThat(adminGet("/admin/api/users/" + nadia + "/factors").getBoolean("mfa_required")).isTrue();

        open("/ui/admin/user.xhtml?sub=" + fay);
        assertThat(await(By.id("user-factors")).getText()).contains("totp", "recovery_code");
        screenshot("console-user-factors");
        driver.findElement(By.id("reset-factors")).click();
        awaitMessage("Second factors reset");
        assertThat(adminGet("/admin/api/users/" + fay + "/factors").getJsonArray("factors")).isEmpty();

        List<String> wanted = List.of("key.retired", "admin.user.created", "admin.user.updated", "admin.user.mfa_required", "mfa.removed");
        String rows = "";
        for (int i = 0; i < 40 && !wanted.stream().allMatch(rows::contains); i++) {
            Thread.sleep(250);
            open("/ui/admin/audit.xhtml?actor=console:olga");
            rows = driver.findElement(By.id("console-audit")).getText();
        }
        assertThat(rows).contains(wanted).contains(kid, nadia, fay).doesNotContain(SignIn.PASSWORD).doesNotContain(ADA_PASSWORD);
    }

    /**
     * Trusted issuers (create with the API's JSON, edit, delete), initial access tokens (issued and shown once, then
     * used to register a client; revoked) and a back-channel logout delivery that cannot be delivered (retried now),
     * each in the audit trail as {@code console:olga}.
     */
    @Test
    void anOperatorManagesIssuersRegistrationTokensAndDeliveries() throws Exception {
        Admin.createClient("{\"client_id\":\"console-bc\",\"redirect_uris\":[\"http://127.0.0.1:9/cb\"],\"grant_types\":[\"authorization_code\"],"
                + "\"scope\":\"openid\",\"backchannel_logout_uri\":\"http://127.0.0.1:9/logout\"}");
        SignIn.loginAndApprove(new Browser(), SignIn.codeRequest("console-bc", "http://127.0.0.1:9/cb", "openid", SignIn.verifier()), "gus");
        String gus = adminSub("gus");
        String sid = adminGet("/admin/api/users/" + gus + "/sessions").getJsonArray("sessions").getJsonObject(0).getString("sid");
        assertThat(Http.send(Http.request("/admin/api/users/" + gus + "/sessions/" + sid).header("Authorization", "Bearer " + Admin.token())
                .DELETE()).statusCode()).isEqualTo(204);
        signIn("olga");

        open("/ui/admin/trusted-issuers.xhtml");
        String key = new ECKeyGenerator(Curve.P_256).keyID("ci-1").generate().toPublicJWK()
                .toJSONString();
        setText("issuer-json", "{\"id\":\"console-idp\",\"issuer\":\"https://idp.console.example\",\"jwks\":{\"keys\":[" + key
                + "]},\"algorithms\":[\"ES256\"],\"allowed_subjects\":[\"svc-*\"],\"allowed_clients\":[\"batch\"],\"subject_mapping\":\"service\"}");
        driver.findElement(By.id("save-issuer")).click();
        await(ExpectedConditions.urlContains("id=console-idp"));
        assertThat(driver.findElement(By.id("console-issuers")).getText()).contains("console-idp", "https://idp.console.example");
        setText("issuer-json", driver.findElement(By.id("issuer-json")).getAttribute("value").replace("\"batch\"", "\"batch2\""));
        clickAndAwaitNextPage("save-issuer");
        assertThat(driver.getCurrentUrl()).contains("id=console-idp");
        assertThat(adminGet("/admin/api/trusted-issuers/console-idp").toString()).contains("batch2");
        screenshot("console-trusted-issuers");
        driver.findElement(By.id("delete-issuer")).click();
        await(ExpectedConditions.not(ExpectedConditions.urlContains("id=")));
        assertThat(driver.findElement(By.id("console-issuers")).getText()).doesNotContain("console-idp");

        open("/ui/admin/initial-access-tokens.xhtml");
        setText("token-uses", "2");
        driver.findElement(By.id("issue-token")).click();
        String token = await(By.id("issued-token")).getText();
        LogCanary.record("initial_access_token", token);
        HttpResponse<String> registered = Http.send(Http.request("/register").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"redirect_uris\":[\"https://rp.console.example/cb\"]}")));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        open("/ui/admin/initial-access-tokens.xhtml");
        assertThat(driver.getPageSource()).as("shown once").doesNotContain(token);
        assertThat(driver.findElement(By.cssSelector("#console-tokens tbody tr td:nth-child(4)")).getText()).as("one use of two left")
                .isEqualTo("1");
        screenshot("console-initial-access-tokens");
        driver.findElements(By.cssSelector("#console-tokens .revoke-token")).get(0).click();
        awaitMessage("Token revoked");
        assertThat(Http.send(Http.request("/register").header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"redirect_uris\":[\"https://rp.console.example/cb\"]}"))).statusCode())
                .isEqualTo(401);

        open("/ui/admin/deliveries.xhtml?status=pending");
        assertThat(await(By.id("console-deliveries")).getText()).contains("console-bc", gus);
        screenshot("console-deliveries");
        driver.findElements(By.cssSelector("#console-deliveries .retry-delivery")).get(0).click();
        awaitMessage("tried again now");

        List<String> wanted = List.of("admin.trusted_issuer.created", "admin.trusted_issuer.updated", "admin.trusted_issuer.deleted",
                "admin.initial_access_token.issued", "admin.initial_access_token.revoked", "admin.logout_delivery.retried");
        String rows = "";
        for (int i = 0; i < 40 && !wanted.stream().allMatch(rows::contains); i++) {
            Thread.sleep(250);
            open("/ui/admin/audit.xhtml?actor=console:olga");
            rows = driver.findElement(By.id("console-audit")).getText();
        }
        assertThat(rows).contains(wanted).doesNotContain(token);
    }

    private static JsonObject activeKey(JsonObject ring) {
        return ring.getJsonArray("keys").getValuesAs(JsonObject.class).stream().filter(k -> k.getString("state").equals("active"))
                .min(Comparator.comparing((JsonObject k) -> k.getString("alg"))).orElseThrow();
    }

    private void setText(String id, String text) {
        WebElement field = await(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void aPersonInNoConsoleGroupGetsTheForbiddenPage() throws IOException {
        HttpResponse<String> anonymous = Http.get("/ui/admin/clients.xhtml");
        assertThat(anonymous.statusCode()).as("no console session: to the sign-in").isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValue(TesseraDeployment.issuer() + "/admin");

        driver.get(TesseraDeployment.issuer() + "/admin");
        logIn("pete");
        await(By.id("console-denied"));
        screenshot("console-denied");
        open("/ui/admin/clients.xhtml");
        await(By.id("console-denied"));
        assertThat(driver.findElements(By.id("console-clients"))).as("the SSO session signs in again, and is refused again").isEmpty();
    }

    @Test
    void aReadOnlyOperatorSeesEverythingAndChangesNothing() {
        signIn("rita");
        assertThat(driver.findElement(By.id("console-read-only")).isDisplayed()).isTrue();
        open("/ui/admin/clients.xhtml?q=ro-");
        assertThat(driver.findElement(By.id("console-clients")).getText()).contains("ro-target");

        open("/ui/admin/client.xhtml?id=ro-target");
        assertThat(driver.findElement(By.id("metadata")).getAttribute("value")).contains("\"client_id\": \"ro-target\"");
        driver.findElement(By.id("rotate-secret")).click();
        awaitMessage("read-only access");
        assertThat(driver.findElements(By.id("client-secret"))).isEmpty();
        assertThat(token("ro-target", readOnlyTargetSecret)).as("the secret was not rotated").isEqualTo(200);
        open("/ui/admin/keys.xhtml");
        String keys = driver.findElement(By.id("console-keys")).getText();
        driver.findElements(By.cssSelector("#console-next-rotation .rotate-key")).get(0).click();
        awaitMessage("read-only access");
        assertThat(driver.findElement(By.id("console-keys")).getText()).isEqualTo(keys);
        driver.findElements(By.cssSelector("#console-keys .retire-key")).get(0).click();
        awaitMessage("read-only access");
        assertThat(driver.findElement(By.id("console-keys")).getText()).isEqualTo(keys);

        open("/ui/admin/directory.xhtml");
        driver.findElement(By.id("directory-username")).sendKeys("ada");
        driver.findElement(By.id("directory-lookup")).click();
        assertThat(await(By.id("trial-dn")).getText()).as("a look-up changes nothing: read-only may").isEqualTo(ADA_DN);
        driver.findElement(By.id("directory-password")).sendKeys(ADA_PASSWORD);
        driver.findElement(By.id("directory-sign-in")).click();
        awaitMessage("read-only access");
        assertThat(driver.findElements(By.id("trial-bind"))).as("a test sign-in binds as the person: refused").isEmpty();

        String fay = adminSub("fay");
        open("/ui/admin/user.xhtml?sub=" + fay);
        driver.findElement(By.id("require-factor")).click();
        awaitMessage("read-only access");
        assertThat(adminGet("/admin/api/users/" + fay + "/factors").getBoolean("mfa_required")).isFalse();
        WebElement profile = driver.findElement(By.id("profile"));
        profile.clear();
        profile.sendKeys("{\"username\":\"fay\",\"name\":\"Changed By Rita\"}");
        driver.findElement(By.id("save-profile")).click();
        awaitMessage("read-only access");
        assertThat(adminGet("/admin/api/users/" + fay).getString("name")).isEqualTo("fay Example");
        open("/ui/admin/user.xhtml");
        setText("new-profile", "{\"username\":\"rita-made\"}");
        driver.findElement(By.id("create-user")).click();
        awaitMessage("read-only access");
        assertThat(adminGet("/admin/api/users?search=rita-made").getJsonArray("users")).isEmpty();
        open("/ui/admin/initial-access-tokens.xhtml");
        driver.findElement(By.id("issue-token")).click();
        awaitMessage("read-only access");
        assertThat(driver.findElements(By.id("issued-token"))).isEmpty();

        // A forged POST from outside the page, with the operator's own session and a valid view state.
        Browser forger = operatorsBrowser();
        HttpResponse<String> page = forger.get("/ui/admin/client.xhtml?id=ro-target");
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> forged = forger.submit(page, "disable-client", Map.of("metadata", "{\"client_id\":\"ro-target\"}"));
        assertThat(forged.statusCode()).isEqualTo(403);
        // A cross-site form cannot know the view state: with a made-up one, no action runs (Faces' CSRF protection).
        HttpResponse<String> crossSite = forger.post("/ui/admin/client.xhtml", Map.of("clientForm", "clientForm", "id", "ro-target",
                "jakarta.faces.ViewState", "-1234567890:987654321", "disable-client", "disable-client"));
        assertThat(crossSite.body()).doesNotContain("Client disabled");
        assertThat(adminGet("/admin/api/clients/ro-target").getBoolean("enabled")).isTrue();
        assertThat(token("ro-target", readOnlyTargetSecret)).isEqualTo(200);
    }

    /**
     * The scale: 100,000 local users and 10,000 clients, inserted in bulk with SQL (not through the API), then
     * each search page of the console (first pages, searches, the deepest page) asked twice with the operator's
     * session: the second answer of each must come within a second. Needs the database from outside, so it runs in
     * the PostgreSQL pass; the times go to target/console-timings.txt.
     */
    @Test
    void theSearchPagesAnswerWithinASecondWith100000UsersAnd10000Clients() throws Exception {
        String url = System.getenv("TESSERA_DB_URL");
        Assumptions.assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "seeding needs the PostgreSQL pass");
        try (Connection db = DriverManager.getConnection(url, System.getenv("TESSERA_DB_USER"), System.getenv("TESSERA_DB_PASSWORD"));
                Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO user_account (subject, username, username_normalized, enabled, name, email, email_verified,"
                    + " phone_number_verified, created_at, updated_at) SELECT 'seed-' || g, 'seed' || lpad(g::text, 6, '0'),"
                    + " 'seed' || lpad(g::text, 6, '0'), true, 'Seed Person ' || g, 'seed' || g || '@example.com', false, false, 0, 0"
                    + " FROM generate_series(1, 100000) g");
            sql.executeUpdate("INSERT INTO client (client_id, enabled, auth_method, access_token_format, require_pkce, require_consent,"
                    + " allow_plain_pkce, token_exchange_refresh_tokens, id_token_groups, backchannel_logout_session_required, grant_types,"
                    + " response_types, redirect_uris, allowed_scopes, client_name, created_at, updated_at) SELECT 'seed-client-'"
                    + " || lpad(g::text, 5, '0'), true, 'none', 'jwt', true, true, false, false, false, false, 'authorization_code', 'code',"
                    + " 'https://app' || g || '.example.com/cb', 'openid', 'Seed App ' || g, 0, 0 FROM generate_series(1, 10000) g");
            sql.execute("ANALYZE");
        }
        signIn("olga");
        Browser operator = operatorsBrowser();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/ui/admin/clients.xhtml", "seed-client-00001");
        pages.put("/ui/admin/clients.xhtml?q=seed-client-0999", "seed-client-09990");
        pages.put("/ui/admin/clients.xhtml?q=Seed%20App%2077", "seed-client-00077");
        pages.put("/ui/admin/clients.xhtml?after=seed-client-09980", "seed-client-09999");
        pages.put("/ui/admin/users.xhtml", "seed000001");
        pages.put("/ui/admin/users.xhtml?q=seed09999", "seed099990");
        pages.put("/ui/admin/users.xhtml?q=person%2054321", "seed054321");
        pages.put("/ui/admin/users.xhtml?offset=99975", "seed099980");
        pages.put("/ui/admin/audit.xhtml", "console-audit");
        StringBuilder report = new StringBuilder("page\tfirst ms\tsecond ms\n");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            long first = timed(operator, page.getKey(), page.getValue());
            long second = timed(operator, page.getKey(), page.getValue());
            report.append(page.getKey()).append('\t').append(first).append('\t').append(second).append('\n');
            assertThat(second).as(page.getKey() + " answered in ms").isLessThan(1000);
        }
        Files.writeString(BrowserPagesIT.TARGET.resolve("console-timings.txt"), report);
        System.out.println(report);
    }

    private static long timed(Browser browser, String path, String expected) {
        long start = System.nanoTime();
        HttpResponse<String> page = browser.get(path);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        assertThat(page.body()).as(path).contains(expected);
        return millis;
    }

    /** A plain HTTP client holding the cookies of the Chromium session signed in to the console. */
    private Browser operatorsBrowser() {
        Browser browser = new Browser();
        for (Cookie c : driver.manage().getCookies()) {
            HttpCookie cookie = new HttpCookie(c.getName(), c.getValue());
            cookie.setPath("/");
            browser.cookies().getCookieStore().add(URI.create(TesseraDeployment.issuer()), cookie);
        }
        return browser;
    }

    private void signIn(String username) {
        driver.get(TesseraDeployment.issuer() + "/admin");
        logIn(username);
        await(By.id("console-nav"));
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/ui/admin/index.xhtml");
        assertThat(driver.findElement(By.id("console-operator")).getText()).contains(username);
    }

    private void logIn(String username) {
        await(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(SignIn.PASSWORD);
        driver.findElement(By.id("login")).click();
    }

    private void open(String path) {
        driver.get(TesseraDeployment.issuer() + path);
    }

    private void setMetadata(String json) {
        WebElement metadata = await(By.id("metadata"));
        metadata.clear();
        metadata.sendKeys(json);
    }

    private String secretShown() {
        // Read inside the wait: the page that shows the secret may still be replacing the one before it.
        String secret = await((ExpectedCondition<String>) d -> {
            String text = d.findElement(By.id("client-secret")).getText();
            return text.isBlank() ? null : text;
        });
        LogCanary.record("client_secret", secret);
        return secret;
    }

    private void awaitMessage(String text) {
        await(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), text));
    }

    /**
     * Clicks a button whose answer looks like the page already shown (saving an edited issuer redirects to the same
     * address; rotating a secret shows a secret where one was): a wait on the address or the element would pass at once,
     * before the action, so the wait is for the old document to go (the issuer save failed CI once).
     */
    private void clickAndAwaitNextPage(String id) {
        // The page before may itself still be replacing its document (a postback that showed an error): the button and
        // the document are found and clicked together, again if chromedriver says the node left the document (CI once).
        WebElement old = await((ExpectedCondition<WebElement>) d -> {
            WebElement html = d.findElement(By.tagName("html"));
            d.findElement(By.id(id)).click();
            return html;
        });
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(old));
        await(By.tagName("body"));
    }

    private WebElement await(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /**
     * A console action answers on the same page, so the element a condition just found can be replaced before its text
     * is read; chromedriver then reports "does not belong to the document" as a plain WebDriverException, which the wait
     * does not ignore as it does a stale element (seen once in CI). The condition is simply tried again.
     */
    private <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        });
    }

    private static int token(String clientId, String secret) {
        return Http.send(Http.request("/token").header("Authorization", Admin.basic(clientId, secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))).statusCode();
    }

    private static JsonObject adminGet(String path) {
        HttpResponse<String> response = Http.send(Http.request(path).header("Authorization", "Bearer " + Admin.token()).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Admin.json(response.body());
    }

    private static String adminSub(String username) {
        return adminGet("/admin/api/users?search=" + username).getJsonArray("users").getJsonObject(0).getString("sub");
    }

    static void createUser(String username, String group) {
        LogCanary.record("password", SignIn.PASSWORD);
        HttpResponse<String> response = Http.send(Http.request("/admin/api/users").header("Authorization", "Bearer " + Admin.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username
                        + "\",\"password\":\"" + SignIn.PASSWORD + "\",\"name\":\"" + username + " Example\",\"groups\":[\"" + group + "\"]}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(BrowserPagesIT.TARGET.resolve("screenshots"));
        Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
