package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** The HTTP calls of {@link PortabilitySuite}, against a server at any base URL. */
final class PortableCalls {
    private PortableCalls() {
    }

    static JsonObject getJson(String url) {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(url)));
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return Admin.json(response.body());
    }

    static JsonObject getJson(String url, String bearer) {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer));
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return Admin.json(response.body());
    }

    /** A form POST authenticated as {@code client} with client_secret_basic. */
    static HttpResponse<String> post(String url, JsonObject client, Map<String, String> form) {
        LogCanary.record("client_secret", client.getString("client_secret"));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return Http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", Admin.basic(client.getString("client_id"), client.getString("client_secret")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A successful token response. */
    static JsonObject token(String base, JsonObject client, Map<String, String> form) {
        HttpResponse<String> response = post(base + "/token", client, form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Admin.json(response.body());
    }

    static JsonObject clientCredentials(String base, JsonObject client) {
        return token(base, client, Map.of("grant_type", "client_credentials"));
    }

    /** The kid of the key that signs now for {@code alg}, from the admin API. */
    static String activeKid(String base, String alg) {
        return getJson(base + "/admin/api/keys", Admin.token(base)).getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(k -> alg.equals(k.getString("alg")) && "active".equals(k.getString("state")))
                .map(k -> k.getString("kid")).findFirst().orElseThrow(() -> new AssertionError("no active " + alg + " key"));
    }
}
