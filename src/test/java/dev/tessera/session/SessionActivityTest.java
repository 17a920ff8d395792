package dev.tessera.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 19 point 5: a session's use is recorded at most once per activity step, and what it started from is kept short. */
class SessionActivityTest {
    static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
    static final Duration IDLE = Duration.ofMinutes(30);

    private static SsoSession session(SessionOrigin origin) {
        return new SsoSession("hash", new SignIn("alice", new Authentication(AT, List.of("pwd"), null), "sid"), false, AT, AT.plus(IDLE),
                AT.plus(Duration.ofHours(10)), origin);
    }

    @Test
    void useWithinTheStepWritesNothingAfterItMovesTheIdleExpiryAndLastActive() {
        SsoSession session = session(SessionOrigin.UNKNOWN);
        Duration step = SessionService.activityStep(IDLE);
        assertThat(step).isEqualTo(Duration.ofMinutes(1));

        assertThat(session.touch(AT.plusSeconds(59), IDLE, step)).isFalse();
        assertThat(session.lastActive()).isEqualTo(AT);
        assertThat(session.idleExpiresAt()).isEqualTo(AT.plus(IDLE));

        assertThat(session.touch(AT.plusSeconds(60), IDLE, step)).isTrue();
        assertThat(session.lastActive()).isEqualTo(AT.plusSeconds(60));
        assertThat(session.idleExpiresAt()).isEqualTo(AT.plusSeconds(60).plus(IDLE));
    }

    @Test
    void aShortIdleTimeoutShortensTheStepSoASessionNeverIdlesOutMuchEarly() {
        assertThat(SessionService.activityStep(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(2));
        assertThat(SessionService.activityStep(Duration.ofDays(14))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theIdleExpiryNeverPassesTheAbsoluteOne() {
        SsoSession session = session(SessionOrigin.UNKNOWN);
        session.touch(AT.plus(Duration.ofHours(9).plusMinutes(50)), IDLE, Duration.ofMinutes(1));
        assertThat(session.idleExpiresAt()).isEqualTo(session.expiresAt());
    }

    @Test
    void theOriginIsCutToItsColumnsAndBlankIsUnknown() {
        SessionOrigin origin = new SessionOrigin(" 192.0.2.7 ", "Mozilla/5.0 " + "y".repeat(400));
        assertThat(origin.address()).isEqualTo("192.0.2.7");
        assertThat(origin.userAgent()).hasSize(SessionOrigin.MAX_USER_AGENT).startsWith("Mozilla/5.0 ");
        assertThat(new SessionOrigin("", " ")).isEqualTo(SessionOrigin.UNKNOWN);
        assertThat(session(origin).origin()).isEqualTo(origin);
    }
}
