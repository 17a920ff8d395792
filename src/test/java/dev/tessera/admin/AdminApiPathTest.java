package dev.tessera.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class AdminApiPathTest {

    /** A request as the container hands it over: JAX-RS is mapped to /*, so the path is all path info. */
    private static HttpServletRequest request(String pathInfo) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> "";
                    case "getPathInfo" -> pathInfo;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void onlyTheAdminApiMeetsMicroProfileJwt() {
        assertThat(AdminApiAuthenticationMechanism.isAdminApi(request("/admin/api"))).isTrue();
        assertThat(AdminApiAuthenticationMechanism.isAdminApi(request("/admin/api/clients/x"))).isTrue();
        assertThat(AdminApiAuthenticationMechanism.isAdminApi(request("/admin/apix"))).isFalse();
        assertThat(AdminApiAuthenticationMechanism.isAdminApi(request("/userinfo"))).isFalse();
        assertThat(AdminApiAuthenticationMechanism.isAdminApi(request("/register/abc"))).isFalse();
        assertThat(AdminApiAuthenticationMechanism.isAdminApi(request(null))).isFalse();
    }
}
