package dev.tessera.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The sign-in flow of the peers benchmark against a page shaped as Keycloak's login page: another form before the
 * login form, an absolute action URL with escaped ampersands, hidden fields, the authorization and token endpoints at
 * the server's own paths, and no consent page.
 */
class SignInFlowTest {
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    @Test
    void signsInThroughTheFormWithThePasswordFieldAtTheServersOwnEndpoints() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int port = server.getAddress().getPort();
        String base = "http://127.0.0.1:" + port;
        server.createContext("/realms/r/auth", x -> {
            seen.put("challenge", SignInFlow.queryParameter(base + x.getRequestURI(), "code_challenge"));
            seen.put("prompt", String.valueOf(SignInFlow.queryParameter(base + x.getRequestURI(), "prompt")));
            answer(x, 200, null, "<form action=\"/locale\" method=\"post\"><input type=\"hidden\" name=\"lang\" value=\"de\">"
                    + "</form><form id=\"kc-form-login\" onsubmit=\"login.disabled = true; return true;\" action=\"" + base
                    + "/realms/r/login?session_code=s1&amp;tab_id=t1\" method=\"post\"><input name=\"username\" type=\"text\">"
                    + "<input type=\"password\" name=\"password\"><input type=\"hidden\" name=\"credentialId\" value=\"c&amp;1\">"
                    + "<button name=\"login\" type=\"submit\">Sign in</button></form>");
        });
        server.createContext("/realms/r/login", x -> {
            seen.put("login", x.getRequestURI().getRawQuery() + " " + body(x));
            answer(x, 302, "http://127.0.0.1:9/cb?code=the-code&state=s", "");
        });
        server.createContext("/realms/r/token", x -> {
            seen.put("token", body(x));
            answer(x, 200, null, "{\"access_token\":\"a\",\"refresh_token\":\"r\"}");
        });
        server.start();
        try (KeepAliveConnection c = new KeepAliveConnection(new InetSocketAddress("127.0.0.1", port))) {
            SignInFlow.Setup setup = new SignInFlow.Setup("127.0.0.1:" + port, "web", AdminApi.basic("web", "secret"),
                    "http://127.0.0.1:9/cb", "openid", "user", "pw 1", new SignInFlow.Endpoints("/realms/r/auth",
                            "/realms/r/token", null, null));

            String answer = new SignInFlow(setup).run(c);

            assertThat(answer).contains("\"refresh_token\":\"r\"");
            assertThat(seen.get("prompt")).isEqualTo("null");
            assertThat(seen.get("login")).startsWith("session_code=s1&tab_id=t1 ")
                    .contains("username=user", "password=pw+1", "credentialId=c%261", "login=login").doesNotContain("lang=");
            assertThat(seen.get("token")).contains("grant_type=authorization_code", "code=the-code", "code_verifier=");
            String verifier = URLDecoder.decode(seen.get("token").replaceAll(".*code_verifier=([^&]*).*", "$1"),
                    StandardCharsets.UTF_8);
            assertThat(seen.get("challenge")).isEqualTo(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    sha256(verifier)));
        } finally {
            server.stop(0);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(HttpExchange x) throws IOException {
        return new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange x, int status, String location, String body) throws IOException {
        if (location != null) {
            x.getResponseHeaders().put("Location", List.of(location));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
