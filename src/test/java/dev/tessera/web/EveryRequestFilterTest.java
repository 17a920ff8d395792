package dev.tessera.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.config.HttpSettings;
import dev.tessera.config.Issuer;
import dev.tessera.http.Cors;
import dev.tessera.http.CredentialsInQuery;
import dev.tessera.http.IpBlocks;
import dev.tessera.http.RequestIds;
import dev.tessera.http.RequestLimits;
import dev.tessera.http.SecurityHeaders;
import dev.tessera.http.TrustedProxies;
import dev.tessera.session.BrowserState;
import dev.tessera.session.BrowserStateRenewal;
import dev.tessera.session.SessionCookie;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The order of the steps every request crosses (web.xml's comment and EveryRequestFilter's javadoc): each case is
 * one the wrong order would answer differently.
 */
class EveryRequestFilterTest {
    private static final String REGISTERED = "https://spa.example.com";

    private final EveryRequestFilter filter = new EveryRequestFilter();
    private final Map<String, List<String>> answered = new LinkedHashMap<>();
    private final StringWriter body = new StringWriter();
    private final AtomicReference<String> idSeenByTheEndpoint = new AtomicReference<>();
    private int status = 200;
    private boolean chainRan;

    EveryRequestFilterTest() {
        filter.requestIds = new RequestIds(new TrustedProxies(IpBlocks.none(), "Client-Cert"));
        filter.securityHeaders = new SecurityHeaders(new Issuer("http://localhost:8080"));
        filter.limits = new RequestLimits(new HttpSettings(1024, 4096, List.of(), "Client-Cert"));
        filter.cors = new Cors(REGISTERED::equals);
        filter.credentialsInQuery = new CredentialsInQuery();
        filter.browserState = new BrowserStateRenewal(new SessionCookie() {
            @Override
            public String name() {
                return "tessera_sso";
            }
        }, new BrowserState() {
            @Override
            public String header(String value) {
                return "tessera_bs=" + value;
            }
        });
    }

    @Test
    void headersOverTheLimitAreRefusedWithTheRequestIdAndTheCommonHeaders() throws Exception {
        run(request("GET", "/userinfo", null, 0, Map.of("X-Padding", "p".repeat(4096))), endpoint());

        assertThat(status).isEqualTo(431);
        assertThat(first(RequestIds.HEADER)).matches("[0-9a-f]{16}");
        assertThat(first("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(chainRan).isFalse();
    }

    @Test
    void anOversizedPreflightIsRefusedBeforeCorsCouldAnswerIt() throws Exception {
        run(request("OPTIONS", "/jwks", null, 1025, Map.of("Origin", REGISTERED, "Access-Control-Request-Method", "GET")), endpoint());

        assertThat(status).isEqualTo(413);
        assertThat(answered).doesNotContainKey("Access-Control-Allow-Methods");
        assertThat(chainRan).isFalse();
    }

    @Test
    void aPreflightWithinTheLimitsIsAnsweredWithoutTheEndpoints() throws Exception {
        run(request("OPTIONS", "/token", null, 0, Map.of("Origin", REGISTERED, "Access-Control-Request-Method", "POST")), endpoint());

        assertThat(status).isEqualTo(204);
        assertThat(first("Access-Control-Allow-Origin")).isEqualTo(REGISTERED);
        assertThat(chainRan).isFalse();
    }

    @Test
    void aCredentialInTheQueryIsRefusedWithTheCorsHeadersABrowserNeedsToReadTheRefusal() throws Exception {
        run(request("POST", "/token", "client_id=spa&client_secret=s", 20, Map.of("Origin", REGISTERED)), endpoint());

        assertThat(status).isEqualTo(400);
        assertThat(body.toString()).contains("invalid_request", "client_secret").doesNotContain("=s");
        assertThat(first("Access-Control-Allow-Origin")).isEqualTo(REGISTERED);
        assertThat(first(RequestIds.HEADER)).isNotNull();
        assertThat(chainRan).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/token", "/introspect", "/revoke", "/device_authorization", "/token/"})
    void everyEndpointThatTakesACredentialInItsBodyRefusesOneInItsQuery(String path) throws Exception {
        run(request("POST", path, "token=t", 20, Map.of()), endpoint());

        assertThat(status).as(path).isEqualTo(400);
        assertThat(body.toString()).contains("invalid_request", "token must be sent");
        assertThat(chainRan).isFalse();
    }

    @Test
    void anOversizedBodyIsRefusedAsSuchEvenWithACredentialInTheQuery() throws Exception {
        run(request("POST", "/token", "client_secret=s", 1025, Map.of()), endpoint());

        assertThat(status).isEqualTo(413);
        assertThat(chainRan).isFalse();
    }

    @Test
    void theSameQueryOnAnEndpointThatTakesNoCredentialPasses() throws Exception {
        run(request("GET", "/authorize", "client_id=spa&code=c", 0, Map.of()), endpoint());

        assertThat(chainRan).isTrue();
        assertThat(status).isEqualTo(200);
    }

    @Test
    void anEndpointRunsUnderTheRequestIdAndAnswersThroughBothWatchers() throws Exception {
        run(request("POST", "/ui/login.xhtml", null, -1, Map.of()), (req, res) -> {
            endpoint().doFilter(req, res);
            HttpServletResponse response = (HttpServletResponse) res;
            response.setContentType("text/html;charset=UTF-8");
            response.addHeader("Set-Cookie", "tessera_sso=abc; Path=/; HttpOnly");
        });

        assertThat(chainRan).isTrue();
        assertThat(idSeenByTheEndpoint.get()).isEqualTo(first(RequestIds.HEADER)).isNotNull();
        assertThat(first("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answered.get("Set-Cookie")).hasSize(2).anySatisfy(c -> assertThat(c).startsWith("tessera_bs="));
        assertThat(RequestIds.current()).isEmpty();
    }

    @Test
    void theIdIsForgottenEvenWhenTheEndpointFails() {
        assertThatThrownBy(() -> run(request("GET", "/userinfo", null, 0, Map.of()), (req, res) -> {
            endpoint().doFilter(req, res);
            throw new IllegalStateException("endpoint failed");
        })).hasMessage("endpoint failed");

        assertThat(idSeenByTheEndpoint.get()).isNotNull();
        assertThat(RequestIds.current()).isEmpty();
    }

    private FilterChain endpoint() {
        return (req, res) -> {
            chainRan = true;
            idSeenByTheEndpoint.set(RequestIds.current().orElse(null));
        };
    }

    private void run(HttpServletRequest request, FilterChain chain) throws Exception {
        filter.doFilter(request, response(), chain);
    }

    private String first(String header) {
        List<String> values = answered.get(header);
        return values == null ? null : values.get(0);
    }

    /** A request as the container hands it over with JAX-RS mapped to {@code /*}: the path is all path info. */
    private static HttpServletRequest request(String method, String path, String query, long contentLength, Map<String, String> headers) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(EveryRequestFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getServletPath" -> "";
                    case "getPathInfo" -> path;
                    case "getQueryString" -> query;
                    case "getContentLengthLong" -> contentLength;
                    case "getRemoteAddr" -> "192.0.2.7";
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                    case "getHeaders" -> Collections.enumeration(headers.containsKey((String) args[0])
                            ? List.of(headers.get((String) args[0])) : List.of());
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private HttpServletResponse response() {
        PrintWriter writer = new PrintWriter(body, true);
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status = (Integer) args[0];
                        case "setHeader" -> answered.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
                        case "addHeader" -> answered.computeIfAbsent((String) args[0], k -> new ArrayList<>()).add((String) args[1]);
                        case "setContentType" -> answered.put("Content-Type", new ArrayList<>(List.of((String) args[0])));
                        case "getWriter" -> {
                            return writer;
                        }
                        case "isCommitted" -> {
                            return false;
                        }
                        case "resetBuffer", "setCharacterEncoding" -> { }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                });
    }
}
