package dev.tessera.user.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.user.LoginMessages;
import dev.tessera.user.LoginResult;
import dev.tessera.user.LoginResult.Reason;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdAccountStateTest {
    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    static final long NORMAL = 512;

    @Test
    void filetimeIsHundredNanosecondsSince1601() {
        assertThat(AdAccountState.fromFiletime(116_444_736_000_000_000L)).isEqualTo(Instant.EPOCH);
        assertThat(AdAccountState.toFiletime(NOW)).isEqualTo(134_247_816_000_000_000L);
        assertThat(AdAccountState.fromFiletime(AdAccountState.toFiletime(NOW))).isEqualTo(NOW);
    }

    @Test
    void aNormalAccountThatNeverExpiresMaySignIn() {
        assertThat(AdAccountState.refusal(NORMAL, 133_500_000_000_000_000L, 0L, NOW, "x")).isEmpty();
        assertThat(AdAccountState.refusal(NORMAL, 133_500_000_000_000_000L, Long.MAX_VALUE, NOW, "x")).isEmpty();
        assertThat(AdAccountState.refusal(null, null, null, NOW, "x")).as("no AD attributes at all").isEmpty();
    }

    @Test
    void expiryIsComparedWithNow() {
        long later = AdAccountState.toFiletime(NOW.plusSeconds(60));
        long earlier = AdAccountState.toFiletime(NOW.minusSeconds(60));
        assertThat(AdAccountState.refusal(NORMAL, 1L, later, NOW, "x")).isEmpty();
        assertThat(AdAccountState.refusal(NORMAL, 1L, earlier, NOW, "x")).map(LoginResult.Failure::reason).hasValue(Reason.EXPIRED);
        assertThat(AdAccountState.enabled(NORMAL, earlier, NOW)).isFalse();
        assertThat(AdAccountState.enabled(NORMAL, later, NOW)).isTrue();
    }

    @Test
    void disabledWinsOverEveryOtherState() {
        long all = AdAccountState.ACCOUNTDISABLE | AdAccountState.LOCKOUT | AdAccountState.PASSWORD_EXPIRED;
        assertThat(AdAccountState.refusal(all, 0L, 1L, NOW, "x")).map(LoginResult.Failure::messageKey).hasValue(LoginMessages.DISABLED);
        assertThat(AdAccountState.enabled(NORMAL | AdAccountState.LOCKOUT, 0L, NOW)).isFalse();
        assertThat(AdAccountState.enabled(NORMAL | AdAccountState.PASSWORD_EXPIRED, 0L, NOW)).as("may still refresh").isTrue();
    }
}
