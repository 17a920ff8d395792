package dev.tessera.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.Issuer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The headers every response gets, and the anti-framing ones HTML gets (RFC 9700 §4.16). */
class SecurityHeadersTest {

    private final Map<String, String> headers = new LinkedHashMap<>();

    private HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setHeader", "addHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                        default -> { }
                    }
                    return null;
                });
    }

    private void run(String issuer, String contentType) throws Exception {
        run(issuer, contentType, null);
    }

    private void run(String issuer, String contentType, HttpServletRequest request) throws Exception {
        new SecurityHeaders(new Issuer(issuer)).applyTo(request, response()).setContentType(contentType);
    }

    /** A request that only keeps attributes. */
    private static HttpServletRequest request(Map<String, Object> attributes) {
        return (HttpServletRequest) Proxy.newProxyInstance(SecurityHeadersTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    default -> null;
                });
    }

    @Test
    void theFrontChannelLogoutPageFramesExactlyItsApplicationsOriginsAndIsItselfUnframeable() throws Exception {
        HttpServletRequest request = request(new LinkedHashMap<>());
        PageFraming.allowFrames(request, List.of("https://b.example.com", "http://127.0.0.1:9000", "https://b.example.com"));
        run("http://localhost:8080", "text/html;charset=UTF-8", request);

        assertThat(headers.get("Content-Security-Policy")).isEqualTo(SecurityHeaders.CSP_HTML
                + "; frame-src http://127.0.0.1:9000 https://b.example.com").contains("frame-ancestors 'none'");
        assertThat(headers).containsEntry("X-Frame-Options", "DENY");
    }

    @Test
    void theCheckSessionIframeMayBeFramedByAnyPageAndRunsOnlyItsScript() throws Exception {
        HttpServletRequest request = request(new LinkedHashMap<>());
        PageFraming.frameableByAnyPage(request);
        run("http://localhost:8080", "text/html;charset=UTF-8", request);

        assertThat(headers.get("Content-Security-Policy")).contains("frame-ancestors *", "script-src 'self'", "default-src 'none'");
        assertThat(headers).doesNotContainKey("X-Frame-Options");
    }

    @Test
    void anyOtherPageKeepsTheCommonPolicy() throws Exception {
        run("http://localhost:8080", "text/html;charset=UTF-8", request(new LinkedHashMap<>()));

        assertThat(headers.get("Content-Security-Policy")).isEqualTo(SecurityHeaders.CSP_HTML).doesNotContain("frame-src");
    }

    @Test
    void jsonGetsNosniffAndNoReferrerButNoFramingHeaders() throws Exception {
        run("http://localhost:8080", "application/json");

        assertThat(headers).containsEntry("X-Content-Type-Options", "nosniff").containsEntry("Referrer-Policy", "no-referrer");
        assertThat(headers).doesNotContainKeys("X-Frame-Options", "Content-Security-Policy", "Strict-Transport-Security");
    }

    @Test
    void htmlCannotBeFramed() throws Exception {
        run("http://localhost:8080", "text/html;charset=UTF-8");

        assertThat(headers).containsEntry("X-Frame-Options", "DENY");
        assertThat(headers.get("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void httpsIssuerAddsHsts() throws Exception {
        run("https://sso.example.com", "application/json");

        assertThat(headers.get("Strict-Transport-Security")).startsWith("max-age=");
    }
}
