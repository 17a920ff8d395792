package dev.tessera.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The bootstrap admin client as tests use it: arquillian.xml starts the server with
 * tessera.bootstrap.admin-secret=it-admin-secret, so an admin token is one client_credentials call away.
 */
public final class Admin {
    public static final String ID = "tessera-admin";
    public static final String SECRET = "it-admin-secret";

    private Admin() {
    }

    public static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    public static String token() {
        return token(TesseraDeployment.issuer());
    }

    public static String token(String base) {
        LogCanary.record("client_secret", SECRET);
        HttpResponse<String> response = Http.send(Http.request(base, "/token")
                .header("Authorization", basic(ID, SECRET))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Admin token request failed: " + response.body());
        }
        return json(response.body()).getString("access_token");
    }

    /** Creates a client through the admin API; returns the registration-style answer (with client_secret). */
    public static JsonObject createClient(String metadataJson) {
        return createClient(TesseraDeployment.issuer(), metadataJson);
    }

    /** Creates a client on the server at {@code base}. */
    public static JsonObject createClient(String base, String metadataJson) {
        HttpResponse<String> response = Http.send(Http.request(base, "/admin/api/clients")
                .header("Authorization", "Bearer " + token(base))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(metadataJson)));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Client creation failed: " + response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    public static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
