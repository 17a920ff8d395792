package dev.tessera.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * The path a check names an endpoint by: the one the container mapped, whatever servlet the request maps to, and in
 * the form the JAX-RS runtime routes it (FoundationIT and the portability suite send the variants to real servers).
 */
class RequestPathTest {

    @Test
    void thePathIsTheServletPathAndThePathInfoTogether() {
        assertThat(RequestPath.of(mapped("", "/token"))).isEqualTo("/token");
        assertThat(RequestPath.of(mapped("/ui", "/login.xhtml"))).isEqualTo("/ui/login.xhtml");
        assertThat(RequestPath.of(mapped("/token", null))).isEqualTo("/token");
        assertThat(RequestPath.of(mapped(null, null))).isEmpty();
    }

    @Test
    void pathParametersRepeatedAndTrailingSlashesDoNotMakeAnotherEndpoint() {
        assertThat(RequestPath.of(mapped("", "/token/"))).isEqualTo("/token");
        assertThat(RequestPath.of(mapped("", "/token;x=1"))).isEqualTo("/token");
        assertThat(RequestPath.of(mapped("", "//token//"))).isEqualTo("/token");
        assertThat(RequestPath.of(mapped("", "/.well-known;a=b/openid-configuration"))).isEqualTo("/.well-known/openid-configuration");
        assertThat(RequestPath.of(mapped("", "/"))).isEqualTo("/");
    }

    private static HttpServletRequest mapped(String servletPath, String pathInfo) {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestPathTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
