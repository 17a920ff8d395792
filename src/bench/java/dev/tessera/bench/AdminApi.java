package dev.tessera.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The benchmark's set-up calls, made with the JDK's HTTP client (not on the measured path): an admin
 * token for the bootstrap admin client, and clients and users created or reset through the admin API.
 */
final class AdminApi {
    private final BenchConfig config;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String token;

    AdminApi(BenchConfig config) {
        this.config = config;
    }

    /** An access token of the admin client (fetched once). */
    String token() throws IOException, InterruptedException {
        if (token == null) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(config.endpoint("/token"))
                    .header("Authorization", "Basic " + basic(config.adminClientId(), config.adminSecret()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Cannot get an admin token as " + config.adminClientId() + " (HTTP "
                        + response.statusCode() + ": " + response.body() + "). Is TESSERA_BOOTSTRAP_ADMIN_SECRET the secret the "
                        + "server's database was first started with?");
            }
            token = (String) json(response.body()).get("access_token");
        }
        return token;
    }

    /**
     * Creates the client with this metadata, or (a second run against the same database) brings it back
     * to these settings and rotates its secret. Returns the client secret.
     */
    String upsertClient(String clientId, String metadataJson) throws IOException, InterruptedException {
        HttpResponse<String> created = admin("/admin/api/clients", "POST", metadataJson);
        if (created.statusCode() == 201) {
            return (String) json(created.body()).get("client_secret");
        }
        if (created.statusCode() != 400 || !created.body().contains("already exists")) {
            throw new IllegalStateException("Cannot create " + clientId + ": HTTP " + created.statusCode() + " " + created.body());
        }
        HttpResponse<String> updated = admin("/admin/api/clients/" + clientId, "PUT", metadataJson);
        if (updated.statusCode() != 200) {
            throw new IllegalStateException("Cannot update " + clientId + ": HTTP " + updated.statusCode() + " " + updated.body());
        }
        HttpResponse<String> rotated = admin("/admin/api/clients/" + clientId + "/secret", "POST", null);
        if (rotated.statusCode() != 200) {
            throw new IllegalStateException("Cannot rotate the secret of " + clientId + ": HTTP " + rotated.statusCode() + " "
                    + rotated.body());
        }
        return (String) json(rotated.body()).get("client_secret");
    }

    /** Creates a user with this password unless one of that name exists already (then its password is kept). */
    void ensureUser(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> created = admin("/admin/api/users", "POST", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\",\"email\":\"" + username + "@example.com\",\"email_verified\":true,\"name\":\"Bench User\"}");
        if (created.statusCode() != 201 && !(created.statusCode() == 409 && created.body().contains("already taken"))) {
            throw new IllegalStateException("Cannot create user " + username + ": HTTP " + created.statusCode() + " " + created.body());
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(config.endpoint(path)).GET());
    }

    private HttpResponse<String> admin(String path, String method, String jsonBody) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.endpoint(path)).header("Authorization", "Bearer " + token());
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** RFC 6749 §2.3.1: id and secret are form-url-encoded, then joined and base64-encoded. */
    static String basic(String id, String secret) {
        String pair = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> json(String text) {
        try {
            return JsonUtil.parseJson(text);
        } catch (JoseException e) {
            throw new IllegalStateException("Not JSON: " + text, e);
        }
    }
}
