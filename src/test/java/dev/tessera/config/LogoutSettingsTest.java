package dev.tessera.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogoutSettingsTest {
    static final LogoutSettings SETTINGS = new LogoutSettings(Duration.ofMinutes(1), 6, Duration.ofSeconds(10),
            Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofMinutes(2), Duration.ofDays(7),
            Duration.ofSeconds(5));

    @Test
    void theBackOffDoublesFromTheInitialWaitUpToTheLongest() {
        assertThat(SETTINGS.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(SETTINGS.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(SETTINGS.backoffAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(SETTINGS.backoffAfter(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SETTINGS.backoffAfter(1000)).isEqualTo(Duration.ofMinutes(1));
    }
}
