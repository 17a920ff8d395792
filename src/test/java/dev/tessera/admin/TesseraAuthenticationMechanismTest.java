package dev.tessera.admin;

import static dev.tessera.admin.GuardFakes.request;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one mechanism dispatches by path; a request outside /admin meets no guard at all. */
class TesseraAuthenticationMechanismTest {
    private final List<String> reached = new ArrayList<>();
    private final TesseraAuthenticationMechanism mechanism = new TesseraAuthenticationMechanism();

    TesseraAuthenticationMechanismTest() {
        mechanism.adminApi = new AdminApiBearer() {
            @Override
            public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                    HttpMessageContext context) {
                reached.add("api " + request.getPathInfo());
                return AuthenticationStatus.SEND_FAILURE;
            }
        };
        mechanism.console = new ConsolePages() {
            @Override
            public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                    HttpMessageContext context) {
                reached.add("console " + request.getPathInfo());
                return super.validateRequest(request, response, context);
            }
        };
    }

    private GuardFakes.Context run(HttpServletRequest request) throws Exception {
        GuardFakes.Context context = new GuardFakes.Context();
        mechanism.validateRequest(request, new GuardFakes.Response().servlet(), context.message());
        return context;
    }

    @Test
    void protocolEndpointsPagesAndFilesMeetNoGuard() throws Exception {
        for (String path : new String[] {"/token", "/userinfo", "/register/abc", "/administrator", "/", "/jwks"}) {
            assertThat(run(request(path)).calls).as(path).containsExactly("doNothing");
        }
        assertThat(run(request("/ui", "/login", "Bearer x")).calls).containsExactly("doNothing");
        assertThat(run(request("/static/tessera.css", null, null)).calls).containsExactly("doNothing");
        assertThat(reached).isEmpty();
    }

    @Test
    void theAdminApiAndOnlyItMeetsTheBearerGuard() throws Exception {
        run(request("/admin/api"));
        run(request("/admin/api/clients/x"));
        run(request("/admin", "/api/keys", null));
        run(request("/admin/apix"));
        run(request("/admin"));
        run(request("/admin/console"));

        assertThat(reached).containsExactly("api /admin/api", "api /admin/api/clients/x", "api /api/keys",
                "console /admin/apix", "console /admin", "console /admin/console");
    }

    @Test
    void theConsolePlaceholderRecognisesNobodyAndRefusesNothing() throws Exception {
        GuardFakes.Context context = run(request("/admin/users"));

        assertThat(context.calls).containsExactly("doNothing");
        assertThat(context.caller).isNull();
    }

    @Test
    void theAreaIsReadFromTheServletPathAndPathInfo() {
        assertThat(GuardedArea.of(request("/admin/api/clients"))).isEqualTo(GuardedArea.ADMIN_API);
        assertThat(GuardedArea.of(request("/admin", "/api", null))).isEqualTo(GuardedArea.ADMIN_API);
        assertThat(GuardedArea.of(request("/admin/apix"))).isEqualTo(GuardedArea.CONSOLE);
        assertThat(GuardedArea.of(request("/admin", null, null))).isEqualTo(GuardedArea.CONSOLE);
        assertThat(GuardedArea.of(request("/adminx"))).isEqualTo(GuardedArea.NONE);
        assertThat(GuardedArea.of(request("/ui", "/admin/api", null))).isEqualTo(GuardedArea.NONE);
        assertThat(GuardedArea.of(request(null))).isEqualTo(GuardedArea.NONE);
    }
}
