package dev.tessera.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeySettingsTest {
    private static final List<String> ALGS = List.of("RS256", "ES256");
    private static final Duration ROTATION = Duration.ofDays(30);
    private static final Duration PRE = Duration.ofDays(7);
    private static final Duration RETENTION = Duration.ofDays(14);
    private static final Duration CHECK = Duration.ofMinutes(5);
    private static final Duration MAX_AGE = Duration.ofHours(1);

    @Test
    void acceptsASensibleConfiguration() {
        KeySettings settings = new KeySettings(ALGS, 2048, ROTATION, PRE, RETENTION, CHECK, MAX_AGE);

        assertThat(settings.algorithms()).containsExactly("RS256", "ES256");
        assertThat(settings.rotationPeriod()).isEqualTo(ROTATION);
    }

    @Test
    void prePublicationMustBeShorterThanTheRotationPeriod() {
        assertThatThrownBy(() -> new KeySettings(ALGS, 2048, ROTATION, ROTATION, RETENTION, CHECK, MAX_AGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ConfigKeys.KEYS_PRE_PUBLICATION);
        assertThatThrownBy(() -> new KeySettings(ALGS, 2048, ROTATION, ROTATION.plusDays(1), RETENTION, CHECK, MAX_AGE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new KeySettings(ALGS, 2048, ROTATION, ROTATION.minusMillis(1), RETENTION, CHECK, MAX_AGE))
                .isNotNull();
    }

    @Test
    void jwksMaxAgeMustBeShorterThanPrePublication() {
        assertThatThrownBy(() -> new KeySettings(ALGS, 2048, ROTATION, PRE, RETENTION, CHECK, PRE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ConfigKeys.KEYS_JWKS_MAX_AGE);
        assertThatThrownBy(() -> new KeySettings(ALGS, 2048, ROTATION, PRE, RETENTION, CHECK, PRE.plusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new KeySettings(ALGS, 2048, ROTATION, PRE, RETENTION, CHECK, PRE.minusSeconds(1))).isNotNull();
    }

    @Test
    void rsaKeysMustHaveAtLeast2048Bits() {
        assertThatThrownBy(() -> new KeySettings(ALGS, 2047, ROTATION, PRE, RETENTION, CHECK, MAX_AGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ConfigKeys.KEYS_RSA_SIZE);
        assertThatThrownBy(() -> new KeySettings(ALGS, 1024, ROTATION, PRE, RETENTION, CHECK, MAX_AGE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new KeySettings(ALGS, 2048, ROTATION, PRE, RETENTION, CHECK, MAX_AGE).rsaSize()).isEqualTo(2048);
    }

    @Test
    void atLeastOneAlgorithmIsRequired() {
        assertThatThrownBy(() -> new KeySettings(List.of(), 2048, ROTATION, PRE, RETENTION, CHECK, MAX_AGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ConfigKeys.KEYS_ALGORITHMS);
    }

    @Test
    void rs256CannotBeSwitchedOff() {
        assertThatThrownBy(() -> new KeySettings(List.of("ES256"), 2048, ROTATION, PRE, RETENTION, CHECK, MAX_AGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RS256");
    }

    @Test
    void theCheckIntervalMustBePositive() {
        assertThatThrownBy(() -> new KeySettings(ALGS, 2048, ROTATION, PRE, RETENTION, Duration.ZERO, MAX_AGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ConfigKeys.KEYS_CHECK_INTERVAL);
        assertThatThrownBy(() -> new KeySettings(ALGS, 2048, ROTATION, PRE, RETENTION, CHECK.negated(), MAX_AGE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAlgorithmListCannotBeChangedAfterwards() {
        List<String> algorithms = new ArrayList<>(ALGS);
        KeySettings settings = new KeySettings(algorithms, 2048, ROTATION, PRE, RETENTION, CHECK, MAX_AGE);

        algorithms.add("PS256");

        assertThat(settings.algorithms()).containsExactly("RS256", "ES256");
        assertThatThrownBy(() -> settings.algorithms().add("EdDSA")).isInstanceOf(UnsupportedOperationException.class);
    }
}
