package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Issue 20 point 2 in Chromium: the DevTools virtual authenticator as a platform passkey (CTAP2, internal transport,
 * resident keys, user verification that always succeeds), and the steps a person takes on Tessera's pages with it.
 */
final class PasskeySteps {

    private PasskeySteps() {
    }

    static VirtualAuthenticator authenticator(WebDriver chromium) {
        return ((HasVirtualAuthenticator) chromium).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2).setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));
    }

    /** Signs in with the password for the account's security page and adds a passkey named {@code name}. */
    static void addOnAccountPage(WebDriver chromium, String username, String name) {
        addOnAccountPage(chromium, TesseraDeployment.issuer(), username, name);
    }

    /** As above on the server at {@code base} (the portability suite's WildFly, Payara Server or container). */
    static void addOnAccountPage(WebDriver chromium, String base, String username, String name) {
        WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(20));
        chromium.get(base + "/ui/login.xhtml?return=/ui/account-security.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
        chromium.findElement(By.id("password")).sendKeys(SignIn.PASSWORD);
        chromium.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("passkeys-none")));
        chromium.findElement(By.id("passkey-name")).sendKeys(name);
        click(chromium, "passkey-add");
        try {
            wait.until(d -> d.findElements(By.cssSelector("#passkeys li.t-passkey")).size() == 1);
        } catch (TimeoutException e) {
            throw new AssertionError("No passkey listed; the page: " + chromium.getPageSource(), e);
        }
        assertThat(chromium.findElement(By.cssSelector("#passkeys li.t-passkey input")).getAttribute("value")).isEqualTo(name);
    }

    /** Clicks a passkey button once the script has shown it. */
    static void click(WebDriver chromium, String id) {
        new WebDriverWait(chromium, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    static IDTokenClaimsSet tokens(LoopbackClient rp, WebDriver chromium, JsonObject client, Map<String, String> request, String verifier)
            throws Exception {
        return tokens(rp, chromium, client, request, verifier, () -> { });
    }

    /** What reached the client after {@code steps}, redeemed, and the ID token checked by Nimbus. */
    static IDTokenClaimsSet tokens(LoopbackClient rp, WebDriver chromium, JsonObject client, Map<String, String> request, String verifier,
            Step steps) throws Exception {
        steps.run();
        String query = rp.next(20);
        assertThat(query).as("Chromium is at " + chromium.getCurrentUrl() + ": " + chromium.getPageSource()).isNotNull();
        Map<String, String> answer = LoopbackClient.parse(query);
        assertThat(answer).containsKey("code").containsEntry("state", request.get("state"));
        String clientId = client.getString("client_id");
        OIDCTokenResponse tokens = BrowserSignInIT.redeem(new ClientSecretBasic(new ClientID(clientId), new Secret(client.getString("client_secret"))),
                null, answer.get("code"), rp.redirectUri(), verifier);
        return BrowserSignInIT.validator(clientId).validate(tokens.getOIDCTokens().getIDToken(), new Nonce(request.get("nonce")));
    }

    /** A browser step that may throw. */
    interface Step {
        void run() throws Exception;
    }
}
