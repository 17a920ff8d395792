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
 * its own; for the sign-in and refresh workloads the same user and password and a confidential authorization-code
 * client (PKCE, refresh tokens, ES256 access tokens), with no consent page: Tessera remembers the consent given in the
 * first sign-in here, Keycloak's client does not ask for it, node-oidc-provider's grant is made at login
 * (.ci/peers/node-provider.mjs). Each workload is tried once here, so a broken set-up stops the run before any load.
 */
final class PeerProvisioning {
    static final String WEB_CLIENT = "bench-peers-web";

    private PeerProvisioning() {
    }

    /** Tessera through its admin API; the algorithm is given by the alias other servers use (issue 23). */
    static Peer tessera(BenchConfig config, long pid, String password) throws IOException, InterruptedException {
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
        admin.ensureUser(SuiteSetup.USER, password);
        String web = admin.upsertClient(WEB_CLIENT, "{\"client_id\":\"" + WEB_CLIENT + "\",\"client_name\":\"Tessera peers "
                + "benchmark web\",\"redirect_uris\":[\"" + SuiteSetup.REDIRECT_URI + "\"],\"grant_types\":[\"authorization_code\","
                + "\"refresh_token\"],\"token_endpoint_auth_method\":\"client_secret_basic\",\"scope\":\"openid\","
                + "\"access_token_signed_response_alg\":\"ES256\"}");
        String authority = config.target().getHostAddress() + ":" + config.port();
        SignInFlow.Setup first = webSetup(authority, web, password, "openid", new SignInFlow.Endpoints("/authorize", "/token", null, "approve"));
        try (KeepAliveConnection c = new KeepAliveConnection(new InetSocketAddress(config.target(), config.port()))) {
            new SignInFlow(first).run(c); // the consent given here is remembered: no consent page in the workloads
        }
        String provider = TokenBench.serverCryptoProvider(admin);
        return peer("Tessera", PasswordCeiling.TESSERA, pid, config.target().getHostAddress(), config.port(), "/introspect", basics,
                webSetup(authority, web, password, "openid", new SignInFlow.Endpoints("/authorize", "/token", null, null)),
                "crypto provider " + provider + "; passwords: Argon2id, the server's tessera.passwords.argon2.* (defaults "
                        + "m=19456 KiB, t=2, p=1)");
    }

    /** Keycloak: realm, P-256 key and clients through its admin REST API. */
    static Peer keycloak(int port, long pid, String adminPassword, String secret, String password) throws IOException, InterruptedException {
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
        admin.createWebClient(WEB_CLIENT, secret, SuiteSetup.REDIRECT_URI);
        String hashing = admin.createUser(SuiteSetup.USER, password);
        String policy = admin.passwordPolicy();
        return peer("Keycloak", PasswordCeiling.keycloak(hashing), pid, "127.0.0.1", port, KeycloakAdmin.introspectionPath(), basics,
                webSetup("127.0.0.1:" + port, secret, password, "openid", new SignInFlow.Endpoints(KeycloakAdmin.authorizationPath(),
                        KeycloakAdmin.tokenPath(), null, null)),
                "realm password policy " + (policy.isEmpty() ? "(Keycloak's default)" : policy) + ", the user's stored "
                        + "password: " + hashing + "; refresh tokens revoked on use; no opaque access tokens");
    }

    /**
     * node-oidc-provider: its clients are fixed in .ci/peers/node-provider.mjs with the run's secret. It introspects only
     * its opaque tokens ("Structured JWT Tokens cannot be introspected"), so its introspection is of an opaque token.
     */
    static Peer node(int port, long pid, String secret, String password) throws IOException {
        Map<String, String> basics = new LinkedHashMap<>();
        basics.put("RS256", AdminApi.basic("bench-rs256", secret));
        basics.put("ES256", AdminApi.basic("bench-es256", secret));
        basics.put("opaque", AdminApi.basic("bench-opaque", secret));
        basics.put("introspect", basics.get("opaque"));
        return peer("node-oidc-provider", PasswordCeiling.node(210_000), pid, "127.0.0.1", port, "/token/introspection", basics,
                webSetup("127.0.0.1:" + port, secret, password, "openid read", new SignInFlow.Endpoints("/auth", "/token", null, null)),
                "in-memory adapter (its default; no database), introspects opaque tokens only; passwords (no user store of "
                        + "its own: the login page of .ci/peers/node-provider.mjs): PBKDF2-HMAC-SHA512, 210,000 iterations, "
                        + "16-byte salt; refresh tokens rotated (rotateRefreshToken)");
    }

    /** Refreshes once, then tries the spent token again: true when the server refuses it. */
    private static boolean spentRefreshTokenRefused(KeepAliveConnection c, SignInFlow.Setup web, String token) throws IOException {
        byte[] refresh = RawRequest.postForm(web.authority(), web.endpoints().tokenPath(),
                RawRequest.basicHeader(web.basicCredentials()), "grant_type=refresh_token&refresh_token=" + RawRequest.encode(token));
        c.exchange(refresh);
        if (c.status() != 200) {
            throw new IllegalStateException("Refresh failed: HTTP " + c.status() + " " + LoadRun.abbreviate(c.body()));
        }
        c.exchange(refresh);
        return c.status() != 200;
    }

    private static SignInFlow.Setup webSetup(String authority, String secret, String password, String scope,
            SignInFlow.Endpoints endpoints) {
        return new SignInFlow.Setup(authority, WEB_CLIENT, AdminApi.basic(WEB_CLIENT, secret), SuiteSetup.REDIRECT_URI, scope,
                SuiteSetup.USER, password, endpoints);
    }

    private static Peer peer(String name, PasswordCeiling password, long pid, String host, int port, String introspectionPath, Map<String, String> basics,
            SignInFlow.Setup web, String description) throws IOException {
        String authority = host + ":" + port;
        String tokenPath = web.endpoints().tokenPath();
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
        FormPostScenario tokenRequest = FormPostScenario.clientCredentials("token", authority, tokenPath, basics.get("introspect"));
        workloads.put("introspect", new IntrospectionScenario(List.of(authority), introspectionPath, basics.get("introspect"),
                () -> {
                    try (KeepAliveConnection c = new KeepAliveConnection(address)) {
                        return (String) AdminApi.json(tokenRequest.once(c)).get("access_token");
                    }
                }));
        workloads.put("refresh", new RefreshScenario(List.of(authority), web));
        workloads.put("signin", new AuthorizationCodeScenario(List.of(authority), web));
        try (KeepAliveConnection c = new KeepAliveConnection(address)) {
            String answer = new SignInFlow(web).run(c);
            notes.append("; sign-in: ").append(SuiteSetup.algorithms(answer)).append("; a spent refresh token ")
                    .append(spentRefreshTokenRefused(c, web, RefreshScenario.refreshTokenIn(answer)) ? "is refused (rotation)"
                            : "**still works** (no rotation)");
            LoadRun.Step refresh = workloads.get("refresh").steps().apply(0);
            for (LoadRun.Step step : List.of(workloads.get("introspect").steps().apply(0), refresh, refresh,
                    workloads.get("signin").steps().apply(0))) {
                String failure = step.run(c); // the refresh step signs in first, then refreshes
                if (failure != null) {
                    throw new IllegalStateException(name + " failed its try-out: " + failure);
                }
            }
        }
        return new Peer(name, pid, address, notes.toString(), workloads, password);
    }
}
