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
