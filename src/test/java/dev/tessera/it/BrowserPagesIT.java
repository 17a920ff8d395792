package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The login and consent pages in a real browser: Debian's headless Chromium driven by Selenium, with both
 * binaries named so Selenium Manager never looks anything up or downloads. The client's redirect URI is a
 * {@link LoopbackClient} of the test's own, so the browser really lands there. Screenshots of the pages
 * go to target/screenshots/. Without Chromium the class is skipped, except under CI, where it fails.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserPagesIT {
    /** Tests that check how pages render (themes, languages, accessibility), not what they store. */
    static final String RENDERING = "rendering";

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path TARGET = Path.of(System.getProperty("project.build.directory", "target"));
    static final String PRIMARY = "rgba(36, 87, 197, 1)";
    /** Selenium has no CDP module for every Chromium; the tests use none, so its warnings are noise. Held so they stay quiet. */
    static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools"), Logger.getLogger("org.openqa.selenium.chromium"));
    static LoopbackClient rp;
    static JsonObject client;
    static JsonObject user;
    WebDriver driver;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TesseraDeployment.war();
    }

    @BeforeAll
    static void setUp() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if (System.getenv("CI") != null) {
                fail("BrowserPagesIT needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver; .ci/run does)");
            }
            Assumptions.abort("No Debian Chromium here (apt-get install -y chromium chromium-driver): browser tests skipped");
        }
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        rp = new LoopbackClient();
        user = SignIn.createUser("grace");
        client = Admin.createClient("{\"client_id\":\"pages\",\"client_name\":\"Pages Test App\",\"redirect_uris\":[\""
                + rp.redirectUri() + "\"],\"grant_types\":[\"authorization_code\"],\"scope\":\"openid profile email\"}");
        Admin.createClient("{\"client_id\":\"pages-tv\",\"client_name\":\"Pages TV\",\"token_endpoint_auth_method\":\"none\","
                + "\"grant_types\":[\"urn:ietf:params:oauth:grant-type:device_code\"],\"scope\":\"openid profile\"}");
    }

    @AfterAll
    static void tearDown() {
        if (rp != null) {
            rp.close();
        }
    }

    /** A fresh browser and profile per test, so no cookie carries over; quit() also stops its driver service. */
    @BeforeEach
    void openBrowser() throws IOException {
        driver = newDriver();
        rp.forget();
    }

    /** A headless Chromium with a profile of its own. */
    static WebDriver newDriver() throws IOException {
        Path profile = Files.createTempDirectory(Files.createDirectories(TARGET.resolve("chromium-profiles")), "profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=900,800", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(TARGET.resolve("chromedriver.log").toFile()).build();
        WebDriver created = new ChromeDriver(service, options);
        created.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return created;
    }

    /**
     * Issue 19 point 5: two Chromium browsers of one person; the first ends the second's session on its sessions page
     * (the row names Chromium's own user agent and the address), and the second is signed out at its next request.
     */
    @Test
    void aSessionEndedInOneChromiumSignsTheOtherOutAtItsNextRequest() throws IOException {
        SignIn.createUser("two-chromiums");
        WebDriver second = newDriver();
        try {
            accountLogIn(driver, "two-chromiums");
            accountLogIn(second, "two-chromiums");
            driver.get(TesseraDeployment.issuer() + "/ui/account-sessions.xhtml");
            List<WebElement> rows = driver.findElements(By.cssSelector("#account-sessions li.t-row"));
            assertThat(rows).hasSize(2);
            WebElement other = rows.stream().filter(r -> r.findElements(By.cssSelector(".t-current")).isEmpty()).findFirst().orElseThrow();
            assertThat(other.getText()).containsPattern("Chrom(e|ium) \\d+ on Linux").contains("From address ", "Last active ");
            other.findElement(By.cssSelector("input[type=submit]")).click();
            await(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "That session was ended."));
            assertThat(driver.findElements(By.cssSelector("#account-sessions li.t-row"))).hasSize(1);

            second.get(TesseraDeployment.issuer() + "/ui/account.xhtml");
            new WebDriverWait(second, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            assertThat(second.getCurrentUrl()).as("signed out: the login page").contains("/ui/login.xhtml");
            driver.get(TesseraDeployment.issuer() + "/ui/account.xhtml");
            assertThat(driver.findElements(By.id("account-whoami"))).as("the first stays signed in").hasSize(1);
        } finally {
            second.quit();
        }
    }

    private static void accountLogIn(WebDriver browser, String username) {
        browser.get(TesseraDeployment.issuer() + "/account");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(SignIn.PASSWORD);
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("account-whoami")));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void logsInConsentsAndLandsOnTheClientWithACodeThatRedeems() throws Exception {
        String verifier = SignIn.verifier();
        Map<String, String> request = SignIn.codeRequest("pages", rp.redirectUri(), "openid profile email", verifier);
        openLoginPage(request);
        screenshot("login");
        logIn("grace", SignIn.PASSWORD);

        await(ExpectedConditions.presenceOfElementLocated(By.id("approve")));
        assertThat(driver.findElement(By.id("client")).getText()).isEqualTo("Pages Test App");
        assertThat(driver.findElements(By.cssSelector("#scopes li"))).extracting(WebElement::getText)
                .containsExactly("Confirm your identity", "See your name and profile details", "See your email address");
        assertThat(driver.findElement(By.id("approve")).getCssValue("background-color")).isEqualTo(PRIMARY);
        assertThat(driver.findElement(By.id("deny")).getCssValue("background-color")).isEqualTo("rgba(228, 231, 236, 1)");
        screenshot("consent");
        driver.findElement(By.id("approve")).click();

        Map<String, String> answer = landed();
        assertThat(answer).containsKey("code").doesNotContainKey("error").containsEntry("state", request.get("state"))
                .containsEntry("iss", TesseraDeployment.issuer());
        assertThat(driver.findElement(By.id("landed")).getText()).isEqualTo("Back at the client");

        var auth = new ClientSecretBasic(new ClientID("pages"), new Secret(client.getString("client_secret")));
        OIDCTokenResponse tokens = BrowserSignInIT.redeem(auth, null, answer.get("code"), rp.redirectUri(), verifier);
        IDTokenClaimsSet claims = BrowserSignInIT.validator("pages").validate(tokens.getOIDCTokens().getIDToken(),
                new Nonce(request.get("nonce")));
        assertThat(claims.getSubject().getValue()).isEqualTo(user.getString("sub"));
    }

    @Test
    void denyingLandsOnTheClientWithAccessDeniedAndTheState() throws Exception {
        Map<String, String> request = SignIn.codeRequest("pages", rp.redirectUri(), "openid profile", SignIn.verifier());
        openLoginPage(request);
        logIn("grace", SignIn.PASSWORD);
        await(ExpectedConditions.elementToBeClickable(By.id("deny"))).click();

        assertThat(landed()).containsEntry("error", "access_denied").containsEntry("state", request.get("state"))
                .containsEntry("iss", TesseraDeployment.issuer()).doesNotContainKey("code");
    }

    @Test
    void aWrongPasswordShowsTheGenericErrorAndStaysOnTheLoginPage() throws Exception {
        openLoginPage(SignIn.codeRequest("pages", rp.redirectUri(), "openid", SignIn.verifier()));
        logIn("grace", "not the password");

        WebElement messages = await(ExpectedConditions.visibilityOfElementLocated(By.id("messages")));
        assertThat(messages.getText()).isEqualTo("The username or password is incorrect.");
        screenshot("login-error");
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/ui/login.xhtml");
        assertThat(driver.findElement(By.id("password")).getDomProperty("value")).isEmpty();
        assertThat(driver.findElement(By.id("username")).getDomProperty("value")).isEqualTo("grace");
        assertThat(rp.next(1)).as("the browser never reached the client").isNull();
    }

    @Test
    void theLoginPageForbidsFraming() {
        Browser http = new Browser();
        HttpResponse<String> page = SignIn.authorize(http, SignIn.codeRequest("pages", rp.redirectUri(), "openid", SignIn.verifier()));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"login\"", "/static/tessera.css");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
    }

    @Test
    void theDevicePageTakesTheCodeThroughLoginAndConfirmationAndTheDeviceGetsItsTokens() throws Exception {
        JsonObject started = Admin.json(Http.send(Http.request("/device_authorization").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("client_id=pages-tv&scope=openid%20profile"))).body());
        String userCode = started.getString("user_code");

        driver.get(started.getString("verification_uri"));
        await(ExpectedConditions.presenceOfElementLocated(By.id("user_code")));
        screenshot("device");
        // Typed as a person might: lower case, without the dash (RFC 8628 §6.1).
        driver.findElement(By.id("user_code")).sendKeys(userCode.replace("-", "").toLowerCase(java.util.Locale.ROOT));
        driver.findElement(By.id("submit")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.id("login")));
        logIn("grace", SignIn.PASSWORD);

        await(ExpectedConditions.presenceOfElementLocated(By.id("approve")));
        assertThat(driver.findElement(By.id("client")).getText()).isEqualTo("Pages TV");
        screenshot("device-confirm");
        driver.findElement(By.id("approve")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.id("approved")));

        var polled = Http.send(Http.request("/token").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=" + java.net.URLEncoder.encode(
                        "urn:ietf:params:oauth:grant-type:device_code", java.nio.charset.StandardCharsets.UTF_8)
                        + "&client_id=pages-tv&device_code=" + started.getString("device_code"))));
        assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);
        assertThat(Admin.json(polled.body()).getString("id_token")).isNotBlank();
    }

    /**
     * Theme contract version 1 in the built-in look: every page, every language, axe-core clean, screenshots. Rendering
     * only, so the PostgreSQL pass leaves it out (tag {@value #RENDERING}, pom.xml).
     */
    @Test
    @Tag(RENDERING)
    void everyPageInEveryLanguageHasTheContractsIdsAndPassesTheAccessibilityCheck() throws IOException {
        PageTour tour = new PageTour(driver, TesseraDeployment.issuer(), "default");
        for (String language : PageTour.languages()) {
            assertThat(tour.visitAll(language, "pages", rp.redirectUri(), "grace")).hasSize(15);
            assertThat(tour.titles()).containsEntry("login", PageTour.text(language, "login.title"))
                    .containsEntry("consent", PageTour.text(language, "consent.title"))
                    .containsEntry("error", PageTour.text(language, "error.signin.title"))
                    .containsEntry("landing", PageTour.text(language, "landing.title"));
        }
        assertThat(driver.findElements(By.id("t-logo"))).as("no theme, no logo").isEmpty();
        assertThat(driver.findElements(By.id("reset"))).as("no tessera.login.reset-url").isEmpty();

        // A phone: every page again at 375 px (no sideways scrolling, still clean for axe; screenshots under
        // target/screenshots/phone), and on the device page the button as wide as the field.
        driver.manage().window().setSize(new Dimension(375, 740));
        assertThat(new PageTour(driver, TesseraDeployment.issuer(), "phone").visitAll("en", "pages", rp.redirectUri(), "grace")).hasSize(15);
        driver.get(TesseraDeployment.issuer() + "/ui/device.xhtml?lang=en");
        await(ExpectedConditions.presenceOfElementLocated(By.id("submit")));
        assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth")).as("no horizontal scrolling").isTrue();
        assertThat(driver.findElement(By.id("submit")).getRect().getWidth())
                .isCloseTo(driver.findElement(By.id("user_code")).getRect().getWidth(), within(2));
        tour.check("en", "phone-device");
    }

    /**
     * The sample theme (docs/sample-theme) on a server of its own, with broken parts added: an unknown slot, a slot
     * that is not well-formed, an unknown message key, a setting naming a missing file. Each is logged with its
     * file and line; every page still renders, branded, in English and German, passes axe, and a person signs in.
     */
    @Test
    @Tag(RENDERING)
    void theSampleThemeBrandsEveryPageAndItsBrokenPartsNeitherShowNorStopSignIn() throws Exception {
        Path theme = ThemedServer.brokenSampleTheme();
        try (PayaraMicroProcess server = ThemedServer.start(theme)) {
            String base = "http://localhost:" + server.port();
            SignIn.createUser(base, "ada");
            Admin.createClient(base, "{\"client_id\":\"themed\",\"client_name\":\"Themed App\",\"logo_uri\":\"" + ThemedServer.CLIENT_LOGO
                    + "\",\"redirect_uris\":[\"" + rp.redirectUri() + "\"],\"grant_types\":[\"authorization_code\"],\"scope\":\"openid profile email\"}");
            PageTour tour = new PageTour(driver, base, "sample");
            // Every language is toured in the built-in look above; here English and German suffice (the theme
            // overrides a German message), which keeps the class's time down.
            for (String language : List.of("en", "de")) {
                assertThat(tour.visitAll(language, "themed", rp.redirectUri(), "ada")).hasSize(15);
                assertThat(tour.titles()).containsEntry("login", language.equals("de") ? "Bei Example Corp anmelden" : PageTour.text(language, "login.title"));
                assertThat(driver.findElement(By.id("t-footer-text")).getText()).startsWith("Example Corp IT");
                assertThat(driver.findElement(By.id("sample-footer-privacy")).getText()).isEqualTo("Privacy");
                assertThat(driver.findElement(By.id("t-help-link")).getDomAttribute("href")).isEqualTo(ThemedServer.HELP);
                assertThat(driver.findElement(By.id("t-support")).getText()).endsWith(ThemedServer.SUPPORT);
                assertThat(driver.findElement(By.id("t-logo")).getDomAttribute("src")).matches("/theme/[0-9a-f]{16}/logo\\.svg");
                assertThat(driver.findElement(By.id("t-logo")).getDomAttribute("alt")).isEqualTo("Example Corp");
                assertThat(driver.findElement(By.id("t-header")).getCssValue("border-bottom-color")).as("the theme's primary colour")
                        .isEqualTo("rgba(31, 111, 67, 1)");
            }
            ThemedServer.assertProblemsLogged(server, theme);
            ThemedServer.assertAssetsAreImmutableByHash(base, driver);
            signsInAndLandsWithACode(base);
        }
    }

    /** The whole sign-in on {@code base}: login page with the client's branding and the reset link, consent, code. */
    private void signsInAndLandsWithACode(String base) throws Exception {
        driver.manage().deleteAllCookies();
        Map<String, String> request = SignIn.codeRequest("themed", rp.redirectUri(), "openid profile", SignIn.verifier());
        driver.get(base + "/authorize?" + SignIn.query(request));
        await(ExpectedConditions.presenceOfElementLocated(By.id("login")));
        assertThat(driver.findElement(By.id("client-name")).getText()).isEqualTo("Themed App");
        assertThat(driver.findElement(By.id("client-logo")).getDomAttribute("src")).isEqualTo(ThemedServer.CLIENT_LOGO);
        assertThat(driver.findElement(By.id("reset")).getDomAttribute("href")).isEqualTo(ThemedServer.RESET);
        logIn("ada", SignIn.PASSWORD);
        await(ExpectedConditions.elementToBeClickable(By.id("approve"))).click();
        assertThat(landed()).containsKey("code").containsEntry("state", request.get("state"));
    }

    /** "Not you?" on the consent page ends the session and asks for a login to the same request. */
    @Test
    void notYouOnTheConsentPageSignsOutAndAsksAnotherPersonToSignIn() throws Exception {
        SignIn.createUser("linus");
        Map<String, String> request = SignIn.codeRequest("pages", rp.redirectUri(), "openid", SignIn.verifier());
        request.put("prompt", "consent");
        openLoginPage(request);
        logIn("grace", SignIn.PASSWORD);
        await(ExpectedConditions.presenceOfElementLocated(By.id("not-you")));
        assertThat(driver.findElement(By.id("username")).getText()).isEqualTo("grace");
        driver.findElement(By.id("not-you")).click();

        await(ExpectedConditions.presenceOfElementLocated(By.id("login")));
        logIn("linus", SignIn.PASSWORD);
        await(ExpectedConditions.presenceOfElementLocated(By.id("approve")));
        assertThat(driver.findElement(By.id("username")).getText()).isEqualTo("linus");
        driver.findElement(By.id("approve")).click();
        assertThat(landed()).containsKey("code").containsEntry("state", request.get("state"));
    }

    /** Without a switch or ui_locales, the consent page speaks the account's locale claim, not the browser's language. */
    @Test
    void theConsentPageSpeaksTheAccountsLanguage() throws Exception {
        HttpResponse<String> created = Http.send(Http.request("/admin/api/users").header("Authorization", "Bearer " + Admin.token())
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"amelie\",\"password\":\"" + SignIn.PASSWORD + "\",\"locale\":\"fr-CA\"}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Map<String, String> request = SignIn.codeRequest("pages", rp.redirectUri(), "openid", SignIn.verifier());
        request.put("prompt", "consent");
        openLoginPage(request);
        assertThat(driver.findElement(By.id("t-title")).getText()).as("the browser's language before the login").isEqualTo("Sign in");
        logIn("amelie", SignIn.PASSWORD);

        await(ExpectedConditions.presenceOfElementLocated(By.id("approve")));
        assertThat(driver.findElement(By.id("t-title")).getText()).isEqualTo("Autoriser l'accès");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
    }

    /** The switch on the page outranks ui_locales and is kept for the next pages. */
    @Test
    void theLanguageSwitchOutranksUiLocalesAndIsRemembered() throws IOException {
        Map<String, String> request = SignIn.codeRequest("pages", rp.redirectUri(), "openid", SignIn.verifier());
        request.put("ui_locales", "de");
        driver.get(TesseraDeployment.issuer() + "/authorize?" + SignIn.query(request));
        await(ExpectedConditions.presenceOfElementLocated(By.id("login")));
        assertThat(driver.findElement(By.id("t-title")).getText()).isEqualTo("Anmelden");
        driver.findElement(By.id("lang-es")).click();

        await(ExpectedConditions.textToBe(By.id("t-title"), "Iniciar sesión"));
        assertThat(driver.findElement(By.id("client")).getText()).as("still the same request").isEqualTo("Pages Test App");
        screenshot("login-switched-es");
        driver.get(TesseraDeployment.issuer() + "/ui/device.xhtml");
        assertThat(driver.findElement(By.id("t-title")).getText()).isEqualTo("Conectar un dispositivo");
    }

    /** The root answers browsers with the landing page and API clients with the JSON it always gave; /admin too, but for the console. */
    @Test
    void theRootIsALandingPageForBrowsersAndJsonForApiClients() {
        HttpResponse<String> api = Http.get("/");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(Admin.json(api.body()).getString("error")).isEqualTo("not_found");

        HttpResponse<String> page = Http.send(Http.request("/").header("Accept", "text/html,application/xhtml+xml").GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"landing\"", "id=\"t-main\"", "id=\"landing-account\"", "href=\"/account\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<String> admin = Http.send(Http.request("/admin").header("Accept", "text/html").GET());
        assertThat(admin.statusCode()).as("/admin signs a browser in to the console (ConsoleIT)").isEqualTo(303);
        assertThat(admin.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .startsWith(TesseraDeployment.issuer() + "/authorize?").contains("client_id=tessera-console"));
        assertThat(Admin.json(Http.get("/admin").body()).getString("error")).isEqualTo("not_found");
    }

    private void openLoginPage(Map<String, String> request) {
        driver.get(TesseraDeployment.issuer() + "/authorize?" + SignIn.query(request));
        await(ExpectedConditions.presenceOfElementLocated(By.id("login")));
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/ui/login.xhtml");
        assertThat(driver.findElement(By.id("client")).getText()).isEqualTo("Pages Test App");
        // /static/tessera.css loaded and applies: a white card on the grey page, the button in the primary blue.
        assertThat(driver.findElement(By.tagName("main")).getCssValue("background-color")).isEqualTo("rgba(255, 255, 255, 1)");
        assertThat(driver.findElement(By.id("login")).getCssValue("background-color")).isEqualTo(PRIMARY);
    }

    private void logIn(String username, String password) {
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
    }

    private <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    }

    /** What the client's redirect URI received: the browser must get there within seconds, and stay. */
    private Map<String, String> landed() throws InterruptedException {
        String query = rp.next(20);
        assertThat(query).as("the browser reached " + rp.redirectUri() + " (it is at " + driver.getCurrentUrl() + ")").isNotNull();
        await(ExpectedConditions.urlToBe(rp.redirectUri() + "?" + query));
        return LoopbackClient.parse(query);
    }

    private void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(TARGET.resolve("screenshots"));
        Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
