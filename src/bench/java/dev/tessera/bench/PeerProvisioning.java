package dev.tessera.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same confidential clients on each server of {@link PeersBench}: client_credentials with RS256 and with ES256 JWT
 * access tokens, with opaque access tokens where the server has them, and an introspecting client with a live token of
 * its own. Each workload is tried once here, so a broken set-up stops the run before any load.
 */
final class PeerProvisioning {
    private PeerProvisioning() {
    }

    /** Tessera through its admin API; the algorithm is given by the alias other servers use (issue 23). */
    static Peer tessera(BenchConfig config, long pid) throws IOException, InterruptedException {
        AdminApi admin = new AdminApi(config);
        String base = "{\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"client_secret_basic\","
                + "\"scope\":\"read\",\"client_name\":\"Tessera peers benchmark\",";
        Map<String, String> basics = new LinkedHashMap<>();
        for (String alg : List.of("RS256", "ES256")) {
            String id = "bench-peers-" + alg.toLowerCase(java.util.Locale.ROOT);
            basics.put(alg, AdminApi.basic(id, admin.upsertClient(id, base + "\"client_id\":\"" + id
                    + "\",\"access_token_signed_response_alg\":\"" + alg + "\"}")));
        }
        basics.put("opaque", AdminApi.basic("bench-peers-opaque", admin.upsertClient("bench-peers-opaque", base
                + "\"client_id\":\"bench-peers-opaque\",\"access_token_format\":\"opaque\"}")));
        basics.put("introspect", AdminApi.basic("bench-peers-introspect", admin.upsertClient("bench-peers-introspect", base
                + "\"client_id\":\"bench-peers-introspect\",\"access_token_signed_response_alg\":\"ES256\"}")));
        String provider = TokenBench.serverCryptoProvider(admin);
        return peer("Tessera", pid, config.target().getHostAddress(), config.port(), "/token", "/introspect", basics,
                "crypto provider " + provider);
    }

    /** Keycloak: realm, P-256 key and clients through its admin REST API. */
    static Peer keycloak(int port, long pid, String adminPassword, String secret) throws IOException, InterruptedException {
        KeycloakAdmin admin = new KeycloakAdmin(URI.create("http://127.0.0.1:" + port), "admin", adminPassword);
        admin.createRealm();
        Map<String, String> basics = new LinkedHashMap<>();
        for (String alg : List.of("RS256", "ES256")) {
            String id = "bench-" + alg.toLowerCase(java.util.Locale.ROOT);
            admin.createClient(id, secret, alg, false);
            basics.put(alg, AdminApi.basic(id, secret));
        }
        admin.createClient("bench-introspect", secret, "ES256", true);
        basics.put("introspect", AdminApi.basic("bench-introspect", secret));
        String policy = admin.passwordPolicy();
        return peer("Keycloak", pid, "127.0.0.1", port, KeycloakAdmin.tokenPath(), KeycloakAdmin.introspectionPath(), basics,
                "realm password policy " + (policy.isEmpty() ? "(Keycloak's default)" : policy) + "; no opaque access tokens");
    }

    /**
     * node-oidc-provider: its clients are fixed in .ci/peers/node-provider.mjs with the run's secret. It introspects only
     * its opaque tokens ("Structured JWT Tokens cannot be introspected"), so its introspection is of an opaque token.
     */
    static Peer node(int port, long pid, String secret) throws IOException {
        Map<String, String> basics = new LinkedHashMap<>();
        basics.put("RS256", AdminApi.basic("bench-rs256", secret));
        basics.put("ES256", AdminApi.basic("bench-es256", secret));
        basics.put("opaque", AdminApi.basic("bench-opaque", secret));
        basics.put("introspect", basics.get("opaque"));
        return peer("node-oidc-provider", pid, "127.0.0.1", port, "/token", "/token/introspection", basics,
                "in-memory adapter (its default; no database), introspects opaque tokens only");
    }

    private static Peer peer(String name, long pid, String host, int port, String tokenPath, String introspectionPath,
            Map<String, String> basics, String description) throws IOException {
        String authority = host + ":" + port;
        InetSocketAddress address = new InetSocketAddress(host, port);
        Map<String, Scenario> workloads = new LinkedHashMap<>();
        StringBuilder notes = new StringBuilder(description);
        for (String kind : List.of("RS256", "ES256", "opaque")) {
            if (basics.containsKey(kind)) {
                FormPostScenario cc = FormPostScenario.clientCredentials("client_credentials " + kind, authority, tokenPath,
                        basics.get(kind));
                String answer;
                try (KeepAliveConnection c = new KeepAliveConnection(address)) {
                    answer = cc.once(c);
                }
                String algs = SuiteSetup.algorithms(answer);
                notes.append("; ").append(kind).append(" client: ").append(algs.isEmpty() ? "opaque access token" : algs);
                workloads.put("cc-" + kind.toLowerCase(java.util.Locale.ROOT), cc);
            }
        }
        FreshIntrospection introspection = new FreshIntrospection(address,
                FormPostScenario.clientCredentials("token", authority, tokenPath, basics.get("introspect")), introspectionPath);
        introspection.steps(); // tries it once
        workloads.put("introspect", introspection);
        return new Peer(name, pid, address, notes.toString(), workloads);
    }
}
