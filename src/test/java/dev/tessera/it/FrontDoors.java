package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * OperationsIT's checks of TLS (issue 22 point 5, docs/operations.md): Payara Micro's own HTTPS listener serves the
 * operator's certificate from a key store whose password never reaches the log; through the documented nginx site
 * the issuer, the redirects and the cookies are the public https ones and the client's address is the one nginx saw,
 * not nginx's own.
 */
final class FrontDoors {
    private static final String WEB_CLIENT = "ops-web";
    private static final String VIA_NGINX = "ops-via-nginx";

    private FrontDoors() {
    }

    /** A browser client to start a sign-in with (created before the public issuer changes). */
    static void registerWebClient(PayaraMicroProcess server, String adminToken) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.port() + "/admin/api/clients"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"client_id\":\"" + WEB_CLIENT + "\",\"redirect_uris\":"
                        + "[\"https://app.example.com/cb\"],\"grant_types\":[\"authorization_code\"],\"response_types\":[\"code\"],"
                        + "\"token_endpoint_auth_method\":\"none\",\"scope\":\"openid\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    static void check(PayaraMicroProcess server, TlsFrontDoor door, String publicIssuer, int tlsPort, String adminToken)
            throws Exception {
        HttpClient client = door.client();

        HttpResponse<String> own = client.send(get("https://localhost:" + tlsPort + "/.well-known/openid-configuration"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.sslSession().orElseThrow().getPeerCertificates()[0]).isEqualTo(door.certificate());
        assertThat(own.body()).contains("\"issuer\":\"" + publicIssuer + "\"");
        assertThat(server.log()).doesNotContain(TlsFrontDoor.KEY_STORE_PASSWORD);

        HttpResponse<String> discovery = client.send(get(publicIssuer + "/.well-known/openid-configuration"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.body()).contains("\"authorization_endpoint\":\"" + publicIssuer + "/authorize\"");
        HttpResponse<String> authorize = client.send(get(publicIssuer + "/authorize?response_type=code&client_id=" + WEB_CLIENT
                + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&scope=openid&state=s1"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(303);
        String login = authorize.headers().firstValue("Location").orElseThrow();
        assertThat(login).startsWith(publicIssuer + "/ui/login.xhtml");
        HttpResponse<String> page = client.send(get(login), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("; Secure"));
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();

        HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(publicIssuer + "/admin/api/clients"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"client_id\":\"" + VIA_NGINX + "\",\"grant_types\":[\"client_credentials\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        server.awaitLog(log -> log.contains("client=" + VIA_NGINX + " from="), Duration.ofSeconds(10));
        assertThat(server.log()).as("the address nginx saw, not nginx's own 127.0.0.2")
                .contains("client=" + VIA_NGINX + " from=127.0.0.1 ");
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    }
}
