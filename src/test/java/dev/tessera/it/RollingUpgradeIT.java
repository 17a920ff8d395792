package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 point 5, upgrades (docs/databases.md#upgrades): two nodes on the previous release's WAR, then one node at a
 * time replaced by this build's, as a rolling upgrade does. While the upgraded node has migrated the schema, the node
 * still on the previous release keeps signing people in, issuing, refreshing and introspecting tokens, for clients
 * made on either node. Run by {@code .ci/rolling-upgrade PREVIOUS_REF}, which builds the previous WAR; skipped
 * otherwise (it is not part of {@code mvn verify}: a second build does not fit CI's budget).
 */
class RollingUpgradeIT {
    private static final String CB = "https://app.example.com/cb";

    @Test
    void theNodeStillOnThePreviousReleaseKeepsServingWhileTheOtherRunsTheNewSchema() throws Exception {
        Path previous = Path.of(System.getProperty("tessera.upgrade.previous-war", "none"));
        assumeTrue(Files.isRegularFile(previous), "run by .ci/rolling-upgrade PREVIOUS_REF (no previous WAR given)");
        assumeTrue(TwoNodes.unavailable() == null, TwoNodes.unavailable());
        try (TwoNodes nodes = TwoNodes.start(previous)) {
            NodeCalls.admin(nodes.urlA(), "/admin/api/users", "{\"username\":\"ada\",\"password\":\"" + SignIn.PASSWORD
                    + "\",\"email\":\"ada@example.com\",\"name\":\"Ada Lovelace\"}", 201);
            String web = webClient(nodes.urlA(), "web-before");
            String before = refreshToken(nodes, "web-before", web);

            nodes.upgrade(nodes.b, "upgrade-b");
            String during = webClient(nodes.urlB(), "web-during");
            for (String node : new String[] {nodes.urlA(), nodes.urlB()}) {
                assertThat(active(node, web, before)).as("a refresh token of the previous release at " + node).isTrue();
                String fresh = refreshToken(nodes, "web-during", during);
                assertThat(active(node, during, fresh)).as("a client made on the upgraded node, at " + node).isTrue();
                HttpResponse<String> cc = NodeCalls.post(node, "/token", web, "grant_type=client_credentials");
                assertThat(cc.statusCode()).as(node + ": " + cc.body()).isEqualTo(200);
            }
            HttpResponse<String> refreshed = NodeCalls.post(nodes.urlA(), "/token", web,
                    "grant_type=refresh_token&refresh_token=" + enc(before));
            assertThat(refreshed.statusCode()).as("the previous release refreshes: " + refreshed.body()).isEqualTo(200);

            nodes.upgrade(nodes.a, "upgrade-a");
            String rotated = Admin.json(refreshed.body()).getString("refresh_token");
            assertThat(active(nodes.urlA(), web, rotated)).isTrue();
            assertThat(refreshToken(nodes, "web-before", web)).isNotBlank();
        }
    }

    /** A confidential web client made through {@code node}'s admin API; its Basic credentials. */
    private static String webClient(String node, String id) {
        JsonObject client = NodeCalls.admin(node, "/admin/api/clients", "{\"client_id\":\"" + id + "\",\"redirect_uris\":[\"" + CB
                + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\",\"client_credentials\"],\"scope\":\"openid\","
                + "\"require_consent\":false}", 201);
        return Admin.basic(id, client.getString("client_secret"));
    }

    /** A browser sign-in that starts on A and posts its login to B, redeemed on A: every table a sign-in writes. */
    private static String refreshToken(TwoNodes nodes, String clientId, String credentials) {
        String verifier = SignIn.verifier();
        Map<String, String> request = SignIn.codeRequest(clientId, CB, "openid", verifier);
        Browser onA = new Browser().at(nodes.urlA());
        ClusterSignIn signIn = new ClusterSignIn(nodes.issuer(), CB);
        String code = SignIn.redirectParams(signIn.finish(signIn.loginPage(onA, request), onA.at(nodes.urlB()), onA, false)).get("code");
        HttpResponse<String> tokens = NodeCalls.post(nodes.urlA(), "/token", credentials,
                "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(CB) + "&code_verifier=" + verifier);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return Admin.json(tokens.body()).getString("refresh_token");
    }

    private static boolean active(String node, String credentials, String token) {
        HttpResponse<String> response = NodeCalls.post(node, "/introspect", credentials, "token=" + enc(token));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Admin.json(response.body()).getBoolean("active");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
