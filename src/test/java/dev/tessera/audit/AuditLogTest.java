package dev.tessera.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit line names the kind by its wire name and leaves out what the event does not have. */
class AuditLogTest {
    @Test
    void lineHasWireNameActorAndOnlyThePartsPresent() {
        AuditEvent e = AuditEvent.now(AuditType.LOGIN_UNLOCKED, "ops", "sub-1", null, "192.0.2.1", Map.of("n", "2"));
        assertThat(AuditLog.line(e)).isEqualTo("login.unlocked by ops subject=sub-1 from=192.0.2.1 n=2");
    }

    @Test
    void wireNamesAreUnique() {
        assertThat(Arrays.stream(AuditType.values()).map(AuditType::wireName).distinct().count())
                .isEqualTo(AuditType.values().length);
    }
}
