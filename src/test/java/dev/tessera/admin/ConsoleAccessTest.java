package dev.tessera.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.ConsoleSettings;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who the console admits, by group, and how its session idles out. */
class ConsoleAccessTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static ConsoleAccess access() {
        ConsoleAccess access = new ConsoleAccess();
        access.settings = new ConsoleSettings(Set.of("tessera-admins", "ops"), Set.of("tessera-auditors"), Duration.ofMinutes(15));
        return access;
    }

    @Test
    void fullAccessWinsOverReadOnlyAndAnyOtherGroupGetsNone() {
        assertThat(access().of(List.of("staff", "ops"))).isEqualTo(ConsoleAccess.Level.FULL);
        assertThat(access().of(List.of("tessera-auditors", "tessera-admins"))).isEqualTo(ConsoleAccess.Level.FULL);
        assertThat(access().of(List.of("tessera-auditors"))).isEqualTo(ConsoleAccess.Level.READ_ONLY);
        assertThat(access().of(List.of("staff", "Tessera-Admins"))).as("group names are exact").isEqualTo(ConsoleAccess.Level.NONE);
        assertThat(access().of(List.of())).isEqualTo(ConsoleAccess.Level.NONE);
    }

    @Test
    void aConsoleSessionUnusedForTheIdleTimeoutIsOverAndUseKeepsItAlive() {
        HttpSession session = session();
        ConsoleOperator.signIn(session, new ConsoleOperator("sub-1", "olga", false, NOW));
        Duration idle = Duration.ofMinutes(15);

        ConsoleOperator seen = ConsoleOperator.of(session, NOW.plus(Duration.ofMinutes(14)), idle).orElseThrow();
        seen.seen(session, NOW.plus(Duration.ofMinutes(14)));
        assertThat(ConsoleOperator.of(session, NOW.plus(Duration.ofMinutes(28)), idle)).as("used at minute 14").isPresent();
        assertThat(ConsoleOperator.of(session, NOW.plus(Duration.ofMinutes(30)), idle)).isEmpty();
        assertThat(ConsoleOperator.of(session, NOW, idle)).as("and gone for good").isEmpty();
        assertThat(ConsoleOperator.of(null, NOW, idle)).isEmpty();
    }

    @Test
    void theConsolesActorIsTellableFromTheAdminApisAndThePersons() {
        assertThat(new ConsoleOperator("sub-1", "olga", true, NOW).actor()).isEqualTo("console:olga");
    }

    private static HttpSession session() {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpSession) Proxy.newProxyInstance(ConsoleAccessTest.class.getClassLoader(), new Class<?>[] {HttpSession.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
