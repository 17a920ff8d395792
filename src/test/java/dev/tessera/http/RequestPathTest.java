package dev.tessera.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** The path a check names an endpoint by is the one the container mapped, whatever servlet the request maps to. */
class RequestPathTest {

    @Test
    void thePathIsTheServletPathAndThePathInfoTogether() {
        assertThat(RequestPath.of(mapped("", "/token"))).isEqualTo("/token");
        assertThat(RequestPath.of(mapped("/ui", "/login.xhtml"))).isEqualTo("/ui/login.xhtml");
        assertThat(RequestPath.of(mapped("/token", null))).isEqualTo("/token");
        assertThat(RequestPath.of(mapped(null, null))).isEmpty();
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
