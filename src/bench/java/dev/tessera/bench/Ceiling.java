package dev.tessera.bench;

/**
 * Ceiling figures for one algorithm. The N-thread rate is measured just before the algorithm's load
 * scenario and again just after it; their mean is the ceiling, so a machine whose speed drifts (shared
 * hosts) is compared with itself.
 */
record Ceiling(SigningCeiling.Rate raw1, SigningCeiling.Rate rawN, SigningCeiling.Rate jose1,
        SigningCeiling.Rate rawNAfter) {

    double opsPerSecond() {
        return rawNAfter == null ? rawN.opsPerSecond() : (rawN.opsPerSecond() + rawNAfter.opsPerSecond()) / 2;
    }

    double opsPerCpuSecond() {
        return rawNAfter == null ? rawN.opsPerCpuSecond() : (rawN.opsPerCpuSecond() + rawNAfter.opsPerCpuSecond()) / 2;
    }

    /**
     * How far the raw rate per CPU-second moved between before and after the load, as a fraction of their
     * mean; 0 without an "after". Above {@link #UNSTEADY} the machine's own speed changed during the run.
     */
    double drift() {
        if (rawNAfter == null) {
            return 0;
        }
        double before = rawN.opsPerCpuSecond();
        double after = rawNAfter.opsPerCpuSecond();
        return Math.abs(before - after) / ((before + after) / 2);
    }

    /** A drift above this makes a verdict within a few per cent of a threshold meaningless. */
    static final double UNSTEADY = 0.10;

    Ceiling after(SigningCeiling.Rate rate) {
        return new Ceiling(raw1, rawN, jose1, rate);
    }

    /** Mean CPU other processes used during the N-thread runs. */
    double otherCores() {
        return rawNAfter == null ? rawN.otherCores() : (rawN.otherCores() + rawNAfter.otherCores()) / 2;
    }

    /** Seconds of the N-thread runs (before and after) in which the machine was otherwise quiet. */
    int quietSeconds() {
        return rawN.quietSeconds() + (rawNAfter == null ? 0 : rawNAfter.quietSeconds());
    }

    double quietOpsPerSecond() {
        long ops = rawN.quietOps() + (rawNAfter == null ? 0 : rawNAfter.quietOps());
        return quietSeconds() == 0 ? Double.NaN : (double) ops / quietSeconds();
    }

    double quietOpsPerCpuSecond() {
        long ops = rawN.quietOps() + (rawNAfter == null ? 0 : rawNAfter.quietOps());
        double cpu = rawN.quietCpuSeconds() + (rawNAfter == null ? 0 : rawNAfter.quietCpuSeconds());
        return cpu > 0 ? ops / cpu : Double.NaN;
    }
}
