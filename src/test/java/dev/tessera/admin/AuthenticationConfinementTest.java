package dev.tessera.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import org.junit.jupiter.api.Test;

/** Jakarta Security (what the container registered) runs for /admin and below only. */
class AuthenticationConfinementTest {

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
        HttpServletRequest request = GuardFakes.request(pathInfo);
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

    /** The registered provider as the container reaches it: provider, server config, context. */
    private static ServerAuthContext confined(Recording security) throws Exception {
        ServerAuthConfig config = (ServerAuthConfig) Proxy.newProxyInstance(
                AuthenticationConfinementTest.class.getClassLoader(), new Class<?>[] {ServerAuthConfig.class},
                (proxy, method, args) -> method.getName().equals("getAuthContext") ? security : null);
        AuthConfigProvider registered = new AuthConfigProvider() {
            public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler) {
                return config;
            }

            public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler) {
                return null;
            }

            public void refresh() {
            }
        };
        return new AuthenticationConfinement.ConfinedProvider(registered)
                .getServerAuthConfig(AuthenticationConfinement.LAYER, "server /", null).getAuthContext("id", null, Map.of());
    }

    @Test
    void requestsOutsideAdminAreAnsweredAsDoNothingWithoutJakartaSecurity() throws Exception {
        Recording security = new Recording();
        ServerAuthContext context = confined(security);

        for (String path : new String[] {"/token", "/userinfo", "/administrator", "/"}) {
            assertThat(context.validateRequest(message(path), new Subject(), null)).as(path).isEqualTo(AuthStatus.SUCCESS);
            assertThat(context.secureResponse(message(path), null)).as(path).isEqualTo(AuthStatus.SEND_SUCCESS);
        }
        assertThat(security.calls).isEmpty();
    }

    @Test
    void theAdminApiAndTheConsoleReachJakartaSecurity() throws Exception {
        Recording security = new Recording();
        ServerAuthContext context = confined(security);

        assertThat(context.validateRequest(message("/admin/api/clients"), new Subject(), null)).isEqualTo(AuthStatus.SEND_FAILURE);
        assertThat(context.secureResponse(message("/admin/api/clients"), null)).isEqualTo(AuthStatus.SEND_FAILURE);
        context.validateRequest(message("/admin/apix"), new Subject(), null);
        context.validateRequest(message("/admin"), new Subject(), null);
        context.cleanSubject(message("/logout"), new Subject());

        assertThat(security.calls).containsExactly("validate /admin/api/clients", "secure /admin/api/clients",
                "validate /admin/apix", "validate /admin", "clean");
    }
}
