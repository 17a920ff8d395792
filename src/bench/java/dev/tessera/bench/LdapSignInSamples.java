package dev.tessera.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one kind of sign-in (directory or local) cost in one phase of {@link LdapSignInBench}: the wall time
 * of each whole sign-in, the server's CPU ticks and the directory's searches and binds attributed to them.
 */
final class LdapSignInSamples {
    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    private long serverTicks;
    private long searches;
    private long binds;

    synchronized void add(long elapsedNanos, long ticks, long searchCount, long bindCount) {
        nanos.add(elapsedNanos);
        serverTicks += ticks;
        searches += searchCount;
        binds += bindCount;
    }

    int count() {
        return nanos.size();
    }

    /** The quantile of the wall times in milliseconds (nearest rank). */
    double millis(double quantile) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1))) / 1e6;
    }

    /** Mean server CPU per sign-in in milliseconds, from /proc/&lt;pid&gt;/stat ticks read around each sign-in. */
    double serverCpuMillis(long clockTicksPerSecond) {
        return count() == 0 ? Double.NaN : serverTicks * 1000.0 / clockTicksPerSecond / count();
    }

    double searchesPerSignIn() {
        return count() == 0 ? Double.NaN : (double) searches / count();
    }

    double bindsPerSignIn() {
        return count() == 0 ? Double.NaN : (double) binds / count();
    }
}
