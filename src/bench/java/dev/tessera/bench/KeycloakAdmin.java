package dev.tessera.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Keycloak's admin REST API, for {@link PeersBench}'s set-up only: a realm "bench" with an ECDSA P-256 key next to the
 * default RSA one, and confidential clients with service accounts (client_credentials) whose access tokens are signed
 * with a given algorithm ({@code access.token.signed.response.alg}, the client setting behind Keycloak's
 * {@code access_token_signed_response_alg}).
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

    /** The realm and its P-256 key (the default realm has RSA keys only). */
    void createRealm() throws IOException, InterruptedException {
        post("/admin/realms", "{\"id\":\"" + REALM + "\",\"realm\":\"" + REALM + "\",\"enabled\":true}");
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

    /** The realm's password policy ("" when Keycloak's built-in default applies). */
    String passwordPolicy() throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/admin/realms/" + REALM))
                .header("Authorization", "Bearer " + token).GET());
        Object policy = AdminApi.json(r.body()).get("passwordPolicy");
        return policy == null ? "" : policy.toString();
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
