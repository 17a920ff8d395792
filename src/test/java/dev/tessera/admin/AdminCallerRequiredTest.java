package dev.tessera.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** Admin resources run only for the caller the mechanism admitted; anything else is refused (fail closed). */
class AdminCallerRequiredTest {

    private static Response filter(Principal caller) {
        AtomicReference<Response> aborted = new AtomicReference<>();
        SecurityContext security = (SecurityContext) Proxy.newProxyInstance(AdminCallerRequiredTest.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getUserPrincipal")) {
                        return caller;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(
                AdminCallerRequiredTest.class.getClassLoader(), new Class<?>[] {ContainerRequestContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSecurityContext" -> security;
                    case "abortWith" -> {
                        aborted.set((Response) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        new AdminCallerRequired().filter(request);
        return aborted.get();
    }

    @Test
    void theMechanismsCallerPasses() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("tessera-admin");
        assertThat(filter(new AdminCaller("t", claims))).isNull();
    }

    @Test
    void noCallerOrAnyOtherPrincipalIsRefused() {
        Principal someoneElse = () -> "tessera-admin";
        for (Principal caller : new Principal[] {null, someoneElse}) {
            Response refused = filter(caller);

            assertThat(refused.getStatus()).isEqualTo(401);
            assertThat(refused.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer realm=\"tessera-admin\"");
            assertThat(refused.getEntity().toString()).contains("\"error\":\"invalid_token\"");
        }
    }
}
