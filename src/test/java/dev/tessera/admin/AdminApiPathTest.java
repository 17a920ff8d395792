package dev.tessera.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
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

    /** Jakarta Security's own context, reduced to recording what reaches it. */
    private static final class Recording implements ServerAuthContext {
        final List<String> calls = new ArrayList<>();

        @Override
        public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) {
            calls.add("validate " + ((HttpServletRequest) message.getRequestMessage()).getPathInfo());
            return AuthStatus.SEND_FAILURE;
        }

        @Override
        public AuthStatus secureResponse(MessageInfo message, Subject service) {
            calls.add("secure " + ((HttpServletRequest) message.getRequestMessage()).getPathInfo());
            return AuthStatus.SEND_FAILURE;
        }

        @Override
        public void cleanSubject(MessageInfo message, Subject subject) {
            calls.add("clean");
        }
    }

    private static MessageInfo message(String pathInfo) {
        HttpServletRequest request = request(pathInfo);
        Map<Object, Object> map = new HashMap<>();
        return new MessageInfo() {
            public Object getRequestMessage() { return request; }
            public Object getResponseMessage() { return null; }
            public void setRequestMessage(Object o) { throw new UnsupportedOperationException(); }
            public void setResponseMessage(Object o) { throw new UnsupportedOperationException(); }
            @SuppressWarnings({"rawtypes", "unchecked"})
            public Map getMap() { return map; }
        };
    }

    @Test
    void jakartaSecurityRunsForTheAdminApiOnly() throws Exception {
        Recording security = new Recording();
        ServerAuthContext wrapped = new AdminOnlyAuthConfigProvider.AdminOnlyContext(security);

        assertThat(wrapped.validateRequest(message("/token"), new Subject(), null)).isEqualTo(AuthStatus.SUCCESS);
        assertThat(wrapped.secureResponse(message("/token"), null)).isEqualTo(AuthStatus.SEND_SUCCESS);
        assertThat(wrapped.validateRequest(message("/admin/apix"), new Subject(), null)).isEqualTo(AuthStatus.SUCCESS);
        assertThat(security.calls).isEmpty();

        assertThat(wrapped.validateRequest(message("/admin/api/clients"), new Subject(), null))
                .isEqualTo(AuthStatus.SEND_FAILURE);
        assertThat(wrapped.secureResponse(message("/admin/api/clients"), null)).isEqualTo(AuthStatus.SEND_FAILURE);
        wrapped.cleanSubject(message("/logout"), new Subject());
        assertThat(security.calls).containsExactly("validate /admin/api/clients", "secure /admin/api/clients", "clean");
    }
}
