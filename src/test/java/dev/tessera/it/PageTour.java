package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.web.theme.ThemeContract;
import dev.tessera.web.theme.ThemeContractDoc;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page of theme contract version 1 in Chromium, in every language: the page renders with the template's
 * documented ids (docs/themes.md), in the language asked for, passes axe-core's WCAG 2.1 A and AA rules, and is
 * saved as target/screenshots/THEME/LANGUAGE/PAGE.png. The login and consent pages come from a real
 * authorization request of {@code clientId}, signed in as {@code username}.
 */
final class PageTour {
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    /** Template ids every page has; t-client only where a client asks, the language links are checked as one. */
    static final List<String> TEMPLATE_IDS = ThemeContractDoc.ids().stream().filter(ThemeContractDoc.Id::inTemplate)
            .map(ThemeContractDoc.Id::id).filter(id -> !id.equals("t-client")).toList();

    private final WebDriver driver;
    private final String base;
    private final String theme;
    private final List<String> visited = new ArrayList<>();
    private final Map<String, String> titles = new LinkedHashMap<>();

    PageTour(WebDriver driver, String base, String theme) {
        this.driver = driver;
        this.base = base;
        this.theme = theme;
    }

    /** Visits every page in {@code language}; returns the page names visited. */
    List<String> visitAll(String language, String clientId, String redirectUri, String username) throws IOException {
        visited.clear();
        page(language, "landing", "/?lang=" + language, "landing");
        Map<String, String> login = SignIn.codeRequest(clientId, redirectUri, "openid profile email", SignIn.verifier());
        login.put("prompt", "login");
        page(language, "login", "/authorize?" + SignIn.query(login), "login");
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(SignIn.PASSWORD);
        driver.findElement(By.id("login")).click();
        await("approve");
        check(language, "consent");
        assertThat(driver.findElement(By.id("username")).getText()).isEqualTo(username);
        assertThat(driver.findElement(By.id("signed-in-at")).getText()).isNotBlank();
        page(language, "error", "/authorize?" + SignIn.query(SignIn.codeRequest("no-such-client", redirectUri, "openid", SignIn.verifier())),
                "error-text");
        assertThat(driver.findElement(By.id("reference")).getText()).matches(".*[0-9A-Z]{4}-[0-9A-Z]{4}");
        page(language, "expired", "/ui/expired.xhtml", "expired");
        page(language, "device", "/ui/device.xhtml", "user_code");
        page(language, "device-confirm-expired", "/ui/device-confirm.xhtml?flow=unknown", "expired");
        page(language, "device-done", "/ui/device-done.xhtml?result=approved", "approved");
        page(language, "account", "/ui/account.xhtml", "account-whoami");
        page(language, "account-password", "/ui/account-password.xhtml", "change-password");
        page(language, "account-security", "/ui/account-security.xhtml", "account-security-none");
        page(language, "logout", "/ui/logout.xhtml", "logout");
        page(language, "logout-done", "/ui/logout.xhtml?done=true", "signed-out");
        return List.copyOf(visited);
    }

    private void page(String language, String name, String path, String id) throws IOException {
        driver.get(base + path);
        await(id);
        check(language, name);
    }

    /** The page in front: template ids, language, the title in that language, axe, screenshot. */
    void check(String language, String name) throws IOException {
        for (String id : TEMPLATE_IDS) {
            String wanted = id.startsWith("lang-") ? "lang-" + language : id;
            assertThat(driver.findElements(By.id(wanted))).as(name + " has #" + wanted).isNotEmpty();
        }
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).as(name).isEqualTo(language);
        assertThat(driver.findElement(By.id("lang-" + language)).getDomAttribute("aria-current")).isEqualTo("true");
        assertThat(accessibilityViolations()).as(theme + "/" + language + "/" + name + " (axe-core, WCAG 2.1 AA)").isEmpty();
        assertThat((Boolean) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as(theme + "/" + language + "/" + name + ": no sideways scrolling at this window width").isTrue();
        screenshot(language, name);
        visited.add(name);
        titles.put(name, driver.findElement(By.id("t-title")).getText());
    }

    /** axe-core's violations of the WCAG 2.0/2.1 A and AA rules on the page in front, one line each. */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe());
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
                + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + " + v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join('; '))))"
                + ".catch(e => done(['axe failed: ' + e]));", WCAG_21_AA);
        return (List<String>) result;
    }

    /** The built-in text of {@code key} in {@code language}, from the bundles the WAR ships. */
    static String text(String language, String key) {
        Properties bundle = new Properties();
        String suffix = language.equals("en") ? "" : "_" + language;
        try (InputStream in = PageTour.class.getResourceAsStream("/dev/tessera/web/messages" + suffix + ".properties")) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bundle.getProperty(key);
    }

    static List<String> languages() {
        return ThemeContract.LANGUAGES;
    }

    /** The heading each visited page showed, by page name. */
    Map<String, String> titles() {
        return titles;
    }

    private void await(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    private void screenshot(String language, String name) throws IOException {
        Path dir = Files.createDirectories(BrowserPagesIT.TARGET.resolve("screenshots").resolve(theme).resolve(language));
        Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String axe() {
        try (InputStream in = PageTour.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
