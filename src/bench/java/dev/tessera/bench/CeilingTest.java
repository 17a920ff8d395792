package dev.tessera.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CeilingTest {

    @Test
    void driftIsTheChangeOfTheRatePerCpuSecondAgainstTheMean() {
        Ceiling steady = new Ceiling(null, rate(2_000, 1.0), null, rate(2_100, 1.0));
        Ceiling unsteady = new Ceiling(null, rate(1_234, 1.0), null, rate(1_664, 1.0));

        assertThat(steady.drift()).isCloseTo(100.0 / 2_050, within(1e-9));
        assertThat(steady.drift()).isLessThan(Ceiling.UNSTEADY);
        assertThat(unsteady.drift()).isCloseTo(430.0 / 1_449, within(1e-9)).isGreaterThan(Ceiling.UNSTEADY);
    }

    @Test
    void withoutASecondMeasurementThereIsNoDrift() {
        assertThat(new Ceiling(null, rate(2_000, 1.0), null, null).drift()).isZero();
    }

    private static SigningCeiling.Rate rate(long ops, double cpuSeconds) {
        return new SigningCeiling.Rate(ops / cpuSeconds, cpuSeconds, cpuSeconds, ops, 0, 0, 0, 0);
    }
}
