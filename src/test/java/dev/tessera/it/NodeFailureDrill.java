package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.oauth.Secrets;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, point 3: node A dies (kill -9) under a steady load on both nodes. B keeps serving, nothing
 * committed is lost or duplicated, the error window is measured, and A rejoins when restarted. Not part
 * of {@code mvn verify} (the name does not end in IT): {@code .ci/node-failure} runs it, bounded in
 * time. Writes its measurements to target/node-failure-report.txt; docs/cluster.md has a run's numbers.
 *
 * <p>The client is registered with a refresh token reuse interval (issue 18, point 8): a refresh in doubt when A
 * dies is retried on B with the same token, and every chain must keep its family with exactly one live token.
 * Whether the kill lands on a refresh is chance; ClusterIT covers that case deterministically.
 */
class NodeFailureDrill {
    static final String CB = "https://rp.example.com/cb";
    static final long BEFORE_KILL_MS = 6_000;
    static final long AFTER_KILL_MS = 8_000;
    static final long AFTER_REJOIN_MS = 5_000;
    /** Issue 18, point 8: a refresh in flight when A dies is retried on B with the same token, within this. */
    static final int REUSE_INTERVAL_SECONDS = 30;

    @Test
    void nodeAKilledUnderLoad() throws Exception {
        try (TwoNodes nodes = TwoNodes.start()) {
            NodeCalls.admin(nodes.urlA(), "/admin/api/users", "{\"username\":\"ada\",\"password\":\"" + SignIn.PASSWORD + "\"}", 201);
            String web = Admin.basic("web", NodeCalls.admin(nodes.urlA(), "/admin/api/clients", "{\"client_id\":\"web\",\"redirect_uris\":[\""
                    + CB + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"scope\":\"openid profile\","
                    + "\"refresh_token_reuse_interval\":" + REUSE_INTERVAL_SECONDS + "}", 201)
                    .getString("client_secret"));
            ClusterSignIn signIn = new ClusterSignIn(nodes.issuer(), CB);
            String verifier = SignIn.verifier();
            Map<String, String> silent = new LinkedHashMap<>(SignIn.codeRequest("web", CB, "openid", verifier));
            silent.put("prompt", "none");

            long clock = System.nanoTime();
            List<LoadWorker> workers = new ArrayList<>();
            for (String[] route : new String[][] {{nodes.urlA(), nodes.urlB()}, {nodes.urlB(), nodes.urlA()}}) {
                Browser browser = new Browser().at(route[0]);
                signIn.finish(signIn.loginPage(browser, SignIn.codeRequest("web", CB, "openid", verifier)), browser, browser, false);
                workers.add(new LoadWorker(route[0], route[1], browser, web, silent, verifier, clock));
            }
            LoadWorker onA = workers.get(0);
            LoadWorker onB = workers.get(1);
            List<Thread> threads = workers.stream().map(w -> new Thread(w, "load")).toList();
            threads.forEach(Thread::start);

            // A login in progress on A when it dies, asking for a scope not yet approved (consent comes later, on B).
            Browser midLogin = new Browser().at(nodes.urlA());
            HttpResponse<String> loginPage = signIn.loginPage(midLogin, SignIn.codeRequest("web", CB, "openid profile", verifier));

            Thread.sleep(BEFORE_KILL_MS);
            long killedAt = millis(clock);
            nodes.a.kill();
            Thread.sleep(AFTER_KILL_MS);

            Browser midLoginOnB = midLogin.at(nodes.urlB());
            String midCode = SignIn.redirectParams(signIn.finish(loginPage, midLoginOnB, midLoginOnB, true)).get("code");
            assertThat(NodeCalls.post(nodes.urlB(), "/token", web, "grant_type=authorization_code&code=" + midCode
                    + "&redirect_uri=" + CB + "&code_verifier=" + verifier).statusCode()).isEqualTo(200);

            long restartAt = millis(clock);
            nodes.restartA("cluster-a-restarted");
            long backAt = millis(clock);
            onA.preferredBackUp();
            Thread.sleep(AFTER_REJOIN_MS);
            workers.forEach(LoadWorker::stop);
            for (Thread thread : threads) {
                thread.join(30_000);
            }

            long invalidationMs = rejoinedNodeHearsInvalidations(nodes);
            Report report = new Report(killedAt, restartAt, backAt, invalidationMs, workers);
            checkCommitted(nodes, workers, web);
            report.write(Path.of(System.getProperty("project.build.directory", "target")).resolve("node-failure-report.txt"));

            assertThat(onB.failures).as("B kept serving the traffic sent to it").isEmpty();
            assertThat(onA.hardFailures).as("every request to A was served by B after a failover").isEmpty();
            assertThat(onB.hardFailures).isEmpty();
            assertThat(onA.failures).as("failures only while A was down").allSatisfy(f -> assertThat(f.atMillis()).isBetween(killedAt, backAt));
            assertThat(onA.chains.stream().filter(c -> c.lastRefresh() != null).count()).as("A served again after its restart").isPositive();
            assertThat(NodeCalls.get(nodes.urlA(), "/authorize?" + SignIn.query(silentFor("openid profile", verifier)), null).statusCode())
                    .as("a request without the SSO cookie is answered by the restarted A").isEqualTo(302);
        }
    }

    /** A, restarted, is in the cluster again: a client changed on B is refused on A within a second. */
    private static long rejoinedNodeHearsInvalidations(TwoNodes nodes) throws InterruptedException {
        JsonObject created = NodeCalls.admin(nodes.urlB(), "/admin/api/clients",
                "{\"client_id\":\"rotating\",\"grant_types\":[\"client_credentials\"],\"scope\":\"read\"}", 201);
        String old = Admin.basic("rotating", created.getString("client_secret"));
        assertThat(NodeCalls.post(nodes.urlA(), "/token", old, "grant_type=client_credentials").statusCode()).isEqualTo(200);
        NodeCalls.admin(nodes.urlB(), "/admin/api/clients/rotating/secret", null, 200);
        long start = System.nanoTime();
        while (NodeCalls.post(nodes.urlA(), "/token", old, "grant_type=client_credentials").statusCode() != 401) {
            assertThat(millis(start)).as("A still accepts the old secret").isLessThan(1000);
            Thread.sleep(20);
        }
        return millis(start);
    }

    /**
     * What the database holds agrees with what the clients were told. Each redeemed code is consumed
     * once and its grant has exactly the refresh tokens the client saw (one, or two after a refresh): a
     * duplicate redemption or refresh would add one, a lost one would leave fewer. The last refresh token
     * of every chain is active on the restarted A, the first one (rotated) is not.
     */
    private static void checkCommitted(TwoNodes nodes, List<LoadWorker> workers, String web) throws Exception {
        int refreshesInDoubt = 0;
        try (Connection db = nodes.connect(); PreparedStatement query = db.prepareStatement("SELECT c.consumed_at,"
                + " (SELECT count(*) FROM refresh_token r WHERE r.family_id = c.grant_id),"
                + " (SELECT count(*) FROM refresh_token r WHERE r.family_id = c.grant_id AND r.consumed_at IS NULL)"
                + " FROM authorization_code c WHERE c.code_hash = ?")) {
            for (LoadWorker worker : workers) {
                for (LoadWorker.Chain chain : worker.chains) {
                    query.setString(1, Secrets.sha256Hex(chain.code()));
                    try (ResultSet row = query.executeQuery()) {
                        assertThat(row.next()).as("code issued to the client is in the database").isTrue();
                        assertThat(row.getObject(1)).as("code consumed: " + chain).isNotNull();
                        long expected = chain.redeemStatus() != 200 ? 1 : chain.lastRefresh() != null ? 2 : 1;
                        if (!chain.refreshInDoubt() && (chain.redeemStatus() == 200 || chain.redeemInDoubt())) {
                            assertThat(row.getLong(2)).as("refresh tokens of " + chain).isEqualTo(expected);
                        }
                        assertThat(chain.redeemStatus() == 200 || chain.redeemInDoubt()).as("a code not in doubt is redeemed: " + chain).isTrue();
                        if (chain.redeemStatus() == 200) {
                            // Retried on the other node with the same token when in doubt: never a lost family,
                            // and never two live tokens in one (no token answered twice).
                            assertThat(chain.lastRefresh()).as("family kept: " + chain).isNotNull();
                            assertThat(row.getLong(3)).as("live refresh tokens of " + chain).isEqualTo(1);
                            refreshesInDoubt += chain.refreshInDoubt() ? 1 : 0;
                        }
                    }
                    if (chain.lastRefresh() != null) {
                        assertThat(active(nodes.urlA(), web, chain.lastRefresh())).as("last refresh token alive on A").isTrue();
                        assertThat(active(nodes.urlB(), web, chain.firstRefresh())).as("rotated refresh token spent").isFalse();
                    }
                }
            }
            System.out.printf("[NodeFailureDrill] refreshes in doubt, retried on the other node and kept: %d%n", refreshesInDoubt);
            try (ResultSet consent = db.createStatement().executeQuery("SELECT scopes FROM consent WHERE client_id = 'web'")) {
                assertThat(consent.next()).isTrue();
                assertThat(consent.getString(1)).contains("profile");
                assertThat(consent.next()).as("one consent row per person and client").isFalse();
            }
        }
    }

    private static boolean active(String base, String auth, String token) {
        HttpResponse<String> response = NodeCalls.post(base, "/introspect", auth, "token=" + token);
        return Admin.json(response.body()).getBoolean("active");
    }

    private static Map<String, String> silentFor(String scope, String verifier) {
        Map<String, String> request = new LinkedHashMap<>(SignIn.codeRequest("web", CB, scope, verifier));
        request.put("prompt", "none");
        return request;
    }

    static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
