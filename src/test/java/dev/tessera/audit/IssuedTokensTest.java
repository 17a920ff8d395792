package dev.tessera.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.AuditSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** token.issued: every token, or client_credentials counted per client and minute. */
class IssuedTokensTest {
    static final Instant T0 = Instant.parse("2026-12-06T14:00:10Z");

    static IssuedTokens tokens(boolean each, Instant now) {
        IssuedTokens tokens = new IssuedTokens();
        tokens.audit = new RecordingAuditLog();
        tokens.settings = new AuditSettings(Duration.ofSeconds(1), 10, 10, Duration.ZERO, null, null, 514, each);
        tokens.clock = Clock.fixed(now, ZoneOffset.UTC);
        return tokens;
    }

    @Test
    void clientCredentialsAreCountedPerMinuteByDefaultOtherGrantsRecordedEach() {
        IssuedTokens tokens = tokens(false, T0);
        RecordingAuditLog log = (RecordingAuditLog) tokens.audit;
        for (int i = 0; i < 3; i++) {
            tokens.issued("client_credentials", "svc", null, "192.0.2.9", Map.of());
        }
        tokens.issued("client_credentials", "other", null, null, Map.of());
        tokens.issued("authorization_code", "web", null, null, Map.of("scope", "openid"));
        assertThat(log.events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditType.TOKEN_ISSUED);
            assertThat(e.detail()).containsEntry("grant_type", "authorization_code").containsEntry("scope", "openid");
        });

        tokens.flushCompletedMinutes();
        assertThat(log.events).hasSize(1);

        tokens.clock = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);
        tokens.flushCompletedMinutes();
        assertThat(log.events).hasSize(3);
        assertThat(log.events.subList(1, 3)).allSatisfy(e -> assertThat(e.type()).isEqualTo(AuditType.TOKENS_ISSUED_PER_MINUTE))
                .anySatisfy(e -> assertThat(e.detail()).containsEntry("count", "3").containsEntry("minute", "2026-12-06T14:00:00Z"))
                .anySatisfy(e -> assertThat(e.clientId()).isEqualTo("other"));
        tokens.flushCompletedMinutes();
        assertThat(log.events).hasSize(3);
    }

    /** A stopping node records the minute that has not ended, dated now, so its count is not lost. */
    @Test
    void flushAllRecordsTheCurrentMinuteDatedNow() {
        IssuedTokens tokens = tokens(false, T0);
        RecordingAuditLog log = (RecordingAuditLog) tokens.audit;
        tokens.issued("client_credentials", "svc", null, null, Map.of());
        tokens.issued("client_credentials", "svc", null, null, Map.of());
        tokens.flushCompletedMinutes();
        assertThat(log.events).isEmpty();

        tokens.flushAll();
        assertThat(log.events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditType.TOKENS_ISSUED_PER_MINUTE);
            assertThat(e.detail()).containsEntry("count", "2").containsEntry("minute", "2026-12-06T14:00:00Z");
            assertThat(e.at()).as("dated now, not at the minute's end still ahead").isEqualTo(T0);
        });
        tokens.flushAll();
        assertThat(log.events).hasSize(1);
    }

    @Test
    void eachModeRecordsEveryClientCredentialsToken() {
        IssuedTokens tokens = tokens(true, T0);
        tokens.issued("client_credentials", "svc", null, null, Map.of());
        tokens.issued("client_credentials", "svc", null, null, Map.of());
        assertThat(((RecordingAuditLog) tokens.audit).events).hasSize(2).allSatisfy(e -> assertThat(e.type()).isEqualTo(AuditType.TOKEN_ISSUED));
    }
}
