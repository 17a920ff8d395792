package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The suite's subset on the JDK's own providers (tessera.crypto.native=off, the native jar still on the
 * class path): every algorithm signs tokens that the Nimbus SDK verifies against the JWKS, and readiness
 * says which provider serves and why. The key job runs every 2 s here, to prove it keeps running: its
 * reload time must advance again and again. The admin API admits only active admin tokens here too.
 */
@ExtendWith(ArquillianExtension.class)
class JdkCryptoIT {

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-jdk")
    static WebArchive deployment() {
        return TesseraDeployment.war();
    }

    @Test
    void readinessAndMetricsNameTheJdkProviderAndWhy() {
        JsonObject data = readiness();

        assertThat(data.getString("crypto-provider"))
                .endsWith("(JDK; the native provider is switched off (tessera.crypto.native=off))")
                .doesNotContain("Corretto");
        assertThat(data.getString("crypto-random")).doesNotContain("Corretto");
        assertThat(Http.get("/metrics").body()).containsPattern("tessera_crypto_provider\\{[^}]*native=\"false\"[^}]*} 1");
    }

    @Test
    void everyAlgorithmSignsTokensARelyingPartyVerifies() throws Exception {
        for (String alg : new String[] {"RS256", "PS256", "ES256", "EdDSA"}) {
            assertThat(AlgorithmTokens.verifiedClientId("jdk-", alg)).as(alg).isEqualTo("jdk-" + alg.toLowerCase());
        }
    }

    /** Every scheduled run reloads the keys; a run that fails leaves the time where it was. */
    @Test
    void theKeyJobKeepsReloadingKeys() throws InterruptedException {
        Set<Instant> seen = new LinkedHashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (seen.size() < 4 && System.nanoTime() < deadline) {
            seen.add(Instant.parse(readiness().getString("signing-keys-loaded")));
            Thread.sleep(500);
        }

        assertThat(seen).as("distinct reload times within 20 s at a 2 s interval").hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void theAdminApiAdmitsOnlyActiveAdminTokens() {
        assertThat(readiness().getString("admin-auth")).isEqualTo("Tessera's mechanism (Jakarta Security for /admin only)");
        String admin = Admin.token();
        assertThat(Http.send(Http.request("/admin/api/keys").header("Authorization", "Bearer " + admin).GET()).statusCode())
                .isEqualTo(200);
        FoundationIT.assertJsonError(Http.send(Http.request("/admin/api/keys").header("Authorization", "Bearer forged.token.value")
                .GET()), 401, "invalid_token");
        assertThat(Http.send(Http.request("/revoke").header("Authorization", Admin.basic(Admin.ID, Admin.SECRET))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + admin))).statusCode()).isEqualTo(200);
        FoundationIT.assertJsonError(Http.send(Http.request("/admin/api/keys").header("Authorization", "Bearer " + admin).GET()),
                401, "invalid_token");
    }

    private static JsonObject readiness() {
        var response = Http.get("/health/ready");
        assertThat(response.statusCode()).isEqualTo(200);
        return Admin.json(response.body()).getJsonArray("checks").getJsonObject(0).getJsonObject("data");
    }
}
