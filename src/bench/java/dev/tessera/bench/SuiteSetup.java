package dev.tessera.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Creates (or resets) what the suite's scenarios need through the admin API of the first node, checks
 * each path once over a raw connection, and builds the scenarios.
 */
final class SuiteSetup {
    static final String USER = "bench-user";
    static final String PASSWORD = "bench password 7f3a9c";
    static final String REDIRECT_URI = "http://127.0.0.1:9/cb";

    private final AdminApi admin;
    private final SuiteConfig suite;
    private final List<String> notes = new ArrayList<>();

    SuiteSetup(AdminApi admin, SuiteConfig suite) {
        this.admin = admin;
        this.suite = suite;
    }

    /** Lines for the report: what was checked and with which algorithms the tokens were signed. */
    List<String> notes() {
        return notes;
    }

    List<Scenario> scenarios() throws IOException, InterruptedException {
        List<String> nodes = suite.authorities();
        List<Scenario> out = new ArrayList<>();
        SignInFlow.Setup web = null;
        if (suite.scenarios().contains("refresh") || suite.scenarios().contains("authcode")) {
            admin.ensureUser(USER, PASSWORD);
            String secret = admin.upsertClient("bench-web", "{\"client_id\":\"bench-web\",\"client_name\":\"Tessera benchmark web\","
                    + "\"redirect_uris\":[\"" + REDIRECT_URI + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                    + "\"token_endpoint_auth_method\":\"client_secret_basic\",\"scope\":\"openid\"}");
            web = new SignInFlow.Setup(nodes.get(0), "bench-web", AdminApi.basic("bench-web", secret), REDIRECT_URI, "openid",
                    USER, PASSWORD);
            try (KeepAliveConnection c = connection(0)) {
                String answer = new SignInFlow(web).run(c);
                notes.add("Sign-in checked on node 1: tokens " + algorithms(answer) + "; refresh token "
                        + (RefreshScenario.refreshTokenIn(answer) != null ? "issued" : "MISSING"));
            }
        }
        for (String name : suite.scenarios()) {
            switch (name) {
                case "cc-rs256", "cc-es256" -> {
                    String alg = name.substring(3).toUpperCase(java.util.Locale.ROOT);
                    out.add(new ClientCredentialsScenario(alg, nodes, ccClient("bench-suite-" + alg.toLowerCase(java.util.Locale.ROOT), alg)));
                }
                case "refresh" -> out.add(new RefreshScenario(nodes, web));
                case "introspect" -> {
                    String basic = ccClient("bench-introspect", "ES256");
                    out.add(new IntrospectionScenario(nodes, "/introspect", basic, renewed(basic)));
                }
                case "authcode" -> out.add(new AuthorizationCodeScenario(nodes, web));
                default -> throw new IllegalArgumentException(name);
            }
        }
        return out;
    }

    /**
     * The token to introspect, fetched again once it is a minute old: the server's access tokens live 5 minutes, and a
     * ten-minute mixed warm-up (docs/performance.md, "Ten minutes of mixed load") outlived a token fetched once.
     */
    private IntrospectionScenario.TokenSource renewed(String basic) {
        return new IntrospectionScenario.TokenSource() {
            private String token;
            private long fetchedAt;

            @Override
            public synchronized String get() throws IOException {
                long now = System.nanoTime();
                if (token == null || now - fetchedAt > 60_000_000_000L) {
                    token = accessToken(basic);
                    fetchedAt = now;
                }
                return token;
            }
        };
    }

    /** A client_credentials client signing with {@code alg}; its Basic credentials. */
    String ccClient(String clientId, String alg) throws IOException, InterruptedException {
        String secret = admin.upsertClient(clientId, "{\"client_id\":\"" + clientId + "\",\"client_name\":\"Tessera benchmark suite\","
                + "\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"client_secret_basic\","
                + "\"scope\":\"read\",\"access_token_signing_alg\":\"" + alg + "\"}");
        String basic = AdminApi.basic(clientId, secret);
        notes.add(clientId + ": access token " + algorithms(tokenResponse(basic)));
        return basic;
    }

    private String accessToken(String basic) throws IOException {
        return (String) AdminApi.json(tokenResponse(basic)).get("access_token");
    }

    private String tokenResponse(String basic) throws IOException {
        try (KeepAliveConnection c = connection(0)) {
            c.exchange(LoadRun.tokenRequest(suite.authorities().get(0), "/token", basic, "grant_type=client_credentials"));
            if (c.status() != 200) {
                throw new IllegalStateException("client_credentials failed: HTTP " + c.status() + " " + c.body());
            }
            return c.body();
        }
    }

    private KeepAliveConnection connection(int node) {
        InetSocketAddress address = suite.addresses().get(node);
        return new KeepAliveConnection(address);
    }

    /** The JWS algorithm of each token in a token response, e.g. "access_token ES256, id_token RS256". */
    static String algorithms(String tokenResponse) {
        Map<String, Object> json = AdminApi.json(tokenResponse);
        StringBuilder out = new StringBuilder();
        for (String name : List.of("access_token", "id_token")) {
            Object token = json.get(name);
            if (token instanceof String jwt && jwt.indexOf('.') > 0) {
                String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
                        java.nio.charset.StandardCharsets.UTF_8);
                out.append(out.length() == 0 ? "" : ", ").append(name).append(' ').append(AdminApi.json(header).get("alg"));
            }
        }
        return out.toString();
    }
}
