package dev.tessera.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak's admin REST API, for {@link PeersBench}'s set-up only: a realm "bench" with an ECDSA P-256 key next to the
 * default RSA one, and confidential clients with service accounts (client_credentials) whose access tokens are signed
 * with a given algorithm ({@code access.token.signed.response.alg}, the client setting behind Keycloak's
 * {@code access_token_signed_response_alg}); for the sign-in and refresh workloads a user with a password (the realm's
 * default hashing) and a confidential web client without consent, and refresh tokens made single-use.
 */
final class KeycloakAdmin {
    static final String REALM = "bench";

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String token;

    /** Signs in to the master realm as the bootstrap admin (admin-cli, password grant). */
    KeycloakAdmin(URI base, String adminUser, String adminPassword) throws IOException, InterruptedException {
        this.base = base;
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                        + RawRequest.encode(adminUser) + "&password=" + RawRequest.encode(adminPassword))));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak admin sign-in failed: HTTP " + r.statusCode() + " " + r.body());
        }
        this.token = (String) AdminApi.json(r.body()).get("access_token");
    }

    static String tokenPath() {
        return "/realms/" + REALM + "/protocol/openid-connect/token";
    }

    static String introspectionPath() {
        return tokenPath() + "/introspect";
    }

    static String authorizationPath() {
        return "/realms/" + REALM + "/protocol/openid-connect/auth";
    }

    /**
     * The realm and its P-256 key (the default realm has RSA keys only). Refresh tokens are revoked when used
     * ({@code revokeRefreshToken}, no reuse): rotated as Tessera rotates them.
     */
    void createRealm() throws IOException, InterruptedException {
        post("/admin/realms", "{\"id\":\"" + REALM + "\",\"realm\":\"" + REALM + "\",\"enabled\":true,"
                + "\"revokeRefreshToken\":true,\"refreshTokenMaxReuse\":0}");
        post("/admin/realms/" + REALM + "/components", "{\"name\":\"ecdsa-p256\",\"providerId\":\"ecdsa-generated\","
                + "\"providerType\":\"org.keycloak.keys.KeyProvider\",\"parentId\":\"" + REALM + "\",\"config\":{"
                + "\"priority\":[\"100\"],\"ecdsaEllipticCurveKey\":[\"P-256\"],\"active\":[\"true\"],\"enabled\":[\"true\"]}}");
    }

    /**
     * A confidential client_credentials client. With {@code selfAudience} its tokens carry its own id in "aud": Keycloak
     * 26 answers introspection only for a client in the token's audience.
     */
    void createClient(String clientId, String secret, String alg, boolean selfAudience) throws IOException, InterruptedException {
        String mapper = !selfAudience ? "" : ",\"protocolMappers\":[{\"name\":\"self-audience\",\"protocol\":\"openid-connect\","
                + "\"protocolMapper\":\"oidc-audience-mapper\",\"config\":{\"included.client.audience\":\"" + clientId
                + "\",\"access.token.claim\":\"true\",\"introspection.token.claim\":\"true\"}}]";
        post("/admin/realms/" + REALM + "/clients", "{\"clientId\":\"" + clientId + "\",\"secret\":\"" + secret
                + "\",\"publicClient\":false,\"serviceAccountsEnabled\":true,\"standardFlowEnabled\":false,"
                + "\"directAccessGrantsEnabled\":false,\"clientAuthenticatorType\":\"client-secret\","
                + "\"attributes\":{\"access.token.signed.response.alg\":\"" + alg + "\"}" + mapper + "}");
    }

    /**
     * A confidential authorization-code client (PKCE S256 required, ES256 access tokens, no consent page) for the
     * sign-in and refresh workloads.
     */
    void createWebClient(String clientId, String secret, String redirectUri) throws IOException, InterruptedException {
        post("/admin/realms/" + REALM + "/clients", "{\"clientId\":\"" + clientId + "\",\"secret\":\"" + secret
                + "\",\"publicClient\":false,\"standardFlowEnabled\":true,\"serviceAccountsEnabled\":false,"
                + "\"directAccessGrantsEnabled\":false,\"consentRequired\":false,\"clientAuthenticatorType\":\"client-secret\","
                + "\"redirectUris\":[\"" + redirectUri + "\"],\"attributes\":{\"pkce.code.challenge.method\":\"S256\","
                + "\"access.token.signed.response.alg\":\"ES256\"}}");
    }

    /**
     * A user with a password, hashed as the realm's policy says; name and e-mail filled in, so Keycloak's user profile
     * asks nothing at sign-in. Answers the stored credential's hash settings, e.g. {"hashIterations":210000,
     * "algorithm":"pbkdf2-sha512",...}.
     */
    String createUser(String username, String password) throws IOException, InterruptedException {
        post("/admin/realms/" + REALM + "/users", "{\"username\":\"" + username + "\",\"enabled\":true,"
                + "\"emailVerified\":true,\"email\":\"" + username + "@example.org\",\"firstName\":\"Bench\",\"lastName\":\"User\","
                + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + password + "\",\"temporary\":false}]}");
        Object users = AdminApi.json("{\"u\":" + get("/admin/realms/" + REALM + "/users?exact=true&username=" + username) + "}").get("u");
        String id = (String) ((Map<?, ?>) ((List<?>) users).get(0)).get("id");
        Object credentials = AdminApi.json("{\"c\":" + get("/admin/realms/" + REALM + "/users/" + id + "/credentials") + "}").get("c");
        return String.valueOf(((Map<?, ?>) ((List<?>) credentials).get(0)).get("credentialData"));
    }

    /** The realm's password policy ("" when Keycloak's built-in default applies). */
    String passwordPolicy() throws IOException, InterruptedException {
        Object policy = AdminApi.json(get("/admin/realms/" + REALM)).get("passwordPolicy");
        return policy == null ? "" : policy.toString();
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private void post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new IllegalStateException("Keycloak " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
