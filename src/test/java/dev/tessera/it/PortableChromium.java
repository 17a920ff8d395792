package dev.tessera.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium signing a person in on any server, as {@link BrowserPagesIT} does on Payara Micro. */
final class PortableChromium implements AutoCloseable {
    private static final Path TARGET = Path.of(System.getProperty("project.build.directory", "target"));
    private final WebDriver driver;

    PortableChromium() throws IOException {
        Path profile = Files.createTempDirectory(Files.createDirectories(TARGET.resolve("chromium-profiles")), "portable");
        ChromeOptions options = new ChromeOptions().setBinary(BrowserPagesIT.CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(BrowserPagesIT.CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(TARGET.resolve("chromedriver-portable.log").toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Opens {@code authorizeUrl}, signs in, approves, and returns what the client received at its redirect URI. */
    Map<String, String> signIn(String authorizeUrl, String username, String password, LoopbackClient rp) throws InterruptedException {
        driver.get(authorizeUrl);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("approve"))).click();
        String query = rp.next(20);
        if (query == null) {
            throw new AssertionError("The browser never reached the client; it is at " + driver.getCurrentUrl());
        }
        return LoopbackClient.parse(query);
    }

    /** Opens {@code authorizeUrl} and signs in with a password, for a client that needs no consent. */
    void signInOnly(String authorizeUrl, String username, String password) {
        driver.get(authorizeUrl);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
    }

    /** The browser itself, for tests that drive it step by step. */
    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
