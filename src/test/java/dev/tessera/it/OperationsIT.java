package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.tessera.config.KeyEncryptionSecret;
import dev.tessera.keys.KeyDecryptionException;
import dev.tessera.keys.KeyEncryptor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 point 5: the documented change of TESSERA_KEYS_ENCRYPTION_KEY (docs/operations.md) loses no signing key and
 * no client_secret_jwt secret. Three starts of the README's server on one H2 data directory: under secret A; under B
 * with A still accepted (everything is re-encrypted under B); under B alone. Between the last two the database is read
 * directly: every sealed value opens with B and none with A. The last start also writes JSON lines
 * ({@code TESSERA_LOG_FORMAT=json}): an admin change's audit line carries the request's {@code X-Request-Id}.
 */
class OperationsIT {
    private static final String ADMIN_SECRET = "kek-change-admin-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String secretA = random32();
    private final String secretB = random32();

    @Test
    void theKeyEncryptionSecretChangesWithoutLosingSigningKeysOrClientSecrets() throws Exception {
        Path data = ReadmeServer.freshDataDirectory("kek-change");
        Set<String> kids;
        String jwtSecret;
        try (PayaraMicroProcess server = ready("kek-1-secret-a", data, Map.of("TESSERA_KEYS_ENCRYPTION_KEY", secretA))) {
            kids = kids(server);
            JsonObject client = json(send(server, HttpRequest.newBuilder(uri(server, "/admin/api/clients"))
                    .header("Authorization", "Bearer " + adminToken(server)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"client_id\":\"kek-jwt\",\"grant_types\":[\"client_credentials\"],"
                            + "\"token_endpoint_auth_method\":\"client_secret_jwt\",\"scope\":\"read\"}"))));
            jwtSecret = client.getString("client_secret");
            assertThat(secretJwtToken(server, jwtSecret).indicatesSuccess()).isTrue();
            FrontDoors.registerWebClient(server, adminToken(server));
        }

        int nginxPort = PayaraMicroProcess.freePort();
        int tlsPort = PayaraMicroProcess.freePort();
        String publicIssuer = "https://localhost:" + nginxPort;
        try (TlsFrontDoor door = TlsFrontDoor.create(data.resolveSibling(data.getFileName() + "-tls"));
                PayaraMicroProcess server = ready("kek-2-secret-b-accepting-a-tls", data,
                        Map.of("TESSERA_KEYS_ENCRYPTION_KEY", secretB, "TESSERA_KEYS_ACCEPTED_ENCRYPTION_KEYS", secretA,
                                "TESSERA_ISSUER", publicIssuer, "TESSERA_HTTP_TRUSTED_PROXIES", "127.0.0.2/32"),
                        List.of(door.jvmArgumentFile()), List.of("--sslport", Integer.toString(tlsPort), "--sslcert", "tessera"))) {
            assertThat(kids(server)).isEqualTo(kids);
            assertThat(server.log()).containsPattern("change: [1-9]\\d* signing keys re-encrypted under the current secret")
                    .contains("change: 1 client secrets re-encrypted under the current secret");
            assertThat(secretJwtToken(server, jwtSecret, URI.create(publicIssuer + "/token")).indicatesSuccess()).isTrue();
            door.startNginx(nginxPort, server.port());
            FrontDoors.check(server, door, publicIssuer, tlsPort, adminToken(server));
        }

        Map<String, String> sealed = sealedValues(data);
        assertThat(sealed.keySet()).containsAll(kids);
        KeyEncryptor underB = new KeyEncryptor(new KeyEncryptionSecret(secretB, false));
        KeyEncryptor underA = new KeyEncryptor(new KeyEncryptionSecret(secretA, false));
        sealed.forEach((aad, value) -> {
            assertThat(underB.decrypt(aad, value)).as(aad).isNotEmpty();
            assertThatThrownBy(() -> underA.decrypt(aad, value)).as(aad).isInstanceOf(KeyDecryptionException.class);
        });

        try (PayaraMicroProcess server = ready("kek-3-secret-b-json-logs", data,
                Map.of("TESSERA_KEYS_ENCRYPTION_KEY", secretB, "TESSERA_LOG_FORMAT", "json"))) {
            assertThat(kids(server)).isEqualTo(kids);
            String token = adminToken(server);
            assertThat(kids).contains(SignedJWT.parse(token).getHeader().getKeyID());
            assertThat(secretJwtToken(server, jwtSecret).indicatesSuccess()).isTrue();
            assertThat(server.log()).doesNotContain("re-encrypted", secretA, secretB);
            theLogIsJsonLinesWithEachRequestsId(server, token);
        }
    }

    /** The last start also runs with TESSERA_LOG_FORMAT=json (docs/operations.md#logs). */
    private static void theLogIsJsonLinesWithEachRequestsId(PayaraMicroProcess server, String adminToken) throws Exception {
        HttpResponse<String> created = send(server, HttpRequest.newBuilder(uri(server, "/admin/api/clients"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .header("X-Request-Id", "forged-by-client")
                .POST(HttpRequest.BodyPublishers.ofString("{\"client_id\":\"json-logged\",\"grant_types\":[\"client_credentials\"]}")));
        assertThat(created.statusCode()).isEqualTo(201);
        String requestId = created.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(requestId).as("a client's own id is replaced").isNotEqualTo("forged-by-client");

        server.awaitLog(log -> log.contains("\"requestId\":\"" + requestId + "\""), Duration.ofSeconds(10));
        List<JsonObject> lines = server.log().lines().filter(l -> l.startsWith("{\"time\""))
                .map(l -> Json.createReader(new StringReader(l)).readObject()).toList();
        assertThat(lines).as("Tessera's start-up lines are JSON too")
                .anySatisfy(line -> assertThat(line.getString("message")).contains("=== Tessera is running ==="));
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.getString("requestId", "")).isEqualTo(requestId);
            assertThat(line.getString("logger")).isEqualTo("dev.tessera.audit");
            assertThat(line.getString("message")).contains("admin.client.created", "json-logged");
        });
    }

    private static PayaraMicroProcess ready(String name, Path data, Map<String, String> environment) throws Exception {
        return ready(name, data, environment, List.of(), List.of());
    }

    private static PayaraMicroProcess ready(String name, Path data, Map<String, String> environment, List<String> jvmOptions,
            List<String> microOptions) throws Exception {
        Map<String, String> env = new HashMap<>(environment);
        env.put("TESSERA_BOOTSTRAP_ADMIN_SECRET", ADMIN_SECRET);
        PayaraMicroProcess server = ReadmeServer.launch(name, data, env, jvmOptions, microOptions);
        try {
            server.await("/health/ready", r -> r.statusCode() == 200, Duration.ofMinutes(3));
            return server;
        } catch (RuntimeException | Error | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    private static Set<String> kids(PayaraMicroProcess server) {
        Set<String> kids = new TreeSet<>();
        json(server.get("/jwks")).getJsonArray("keys").forEach(k -> kids.add(k.asJsonObject().getString("kid")));
        assertThat(kids).isNotEmpty();
        return kids;
    }

    private static String adminToken(PayaraMicroProcess server) throws Exception {
        ClientAuthentication basic = new ClientSecretBasic(new ClientID("tessera-admin"), new Secret(ADMIN_SECRET));
        TokenResponse response = TokenResponse.parse(new TokenRequest(uri(server, "/token"), basic, new ClientCredentialsGrant())
                .toHTTPRequest().send());
        return response.toSuccessResponse().getTokens().getAccessToken().getValue();
    }

    private static TokenResponse secretJwtToken(PayaraMicroProcess server, String secret) throws Exception {
        return secretJwtToken(server, secret, uri(server, "/token"));
    }

    /** @param audience the token endpoint as the issuer names it: the assertion's aud */
    private static TokenResponse secretJwtToken(PayaraMicroProcess server, String secret, URI audience) throws Exception {
        ClientAuthentication auth = new ClientSecretJWT(new ClientID("kek-jwt"), audience, JWSAlgorithm.HS256, new Secret(secret));
        return TokenResponse.parse(new TokenRequest(uri(server, "/token"), auth, new ClientCredentialsGrant()).toHTTPRequest().send());
    }

    /** Every sealed value in the stopped server's database, by the associated data it was sealed with. */
    private static Map<String, String> sealedValues(Path data) throws Exception {
        Map<String, String> sealed = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("tessera"), "", "")) {
            try (ResultSet rows = db.createStatement().executeQuery("SELECT kid, private_jwk FROM signing_key")) {
                while (rows.next()) {
                    sealed.put(rows.getString(1), rows.getString(2));
                }
            }
            try (ResultSet rows = db.createStatement().executeQuery(
                    "SELECT client_id, secret_enc FROM client WHERE secret_enc IS NOT NULL")) {
                while (rows.next()) {
                    sealed.put("client-secret:" + rows.getString(1), rows.getString(2));
                }
            }
        }
        assertThat(sealed).containsKey("client-secret:kek-jwt");
        return sealed;
    }

    private static HttpResponse<String> send(PayaraMicroProcess server, HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(PayaraMicroProcess server, String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String random32() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
