package dev.tessera.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one server did on one workload over all rounds of {@link PeersBench}: per round its requests per server
 * CPU-second (the figure compared; the median over rounds is reported), and over all rounds the latency histogram,
 * the largest RSS, the requests, errors and the CPU other processes used.
 */
final class PeerTally {
    private final List<Double> perCpuSecond = new ArrayList<>();
    private final Histogram latency = new Histogram(60_000_000L, 3);
    private double rssMaxMib;
    private long requests;
    private long errors;
    private double seconds;
    private double serverCpu;
    private double otherCpu;
    private String firstError;

    void add(LoadRun.Result r, double rssMib) {
        perCpuSecond.add(r.perServerCpuSecond());
        latency.add(r.latencyMicros());
        rssMaxMib = Math.max(rssMaxMib, rssMib);
        requests += r.requests();
        errors += r.errors();
        seconds += r.seconds();
        serverCpu += r.cpu().serverCpuSeconds();
        otherCpu += r.cpu().otherCpuSeconds();
        if (firstError == null) {
            firstError = r.firstError();
        }
    }

    boolean empty() {
        return perCpuSecond.isEmpty();
    }

    /** The median over rounds of requests per server CPU-second. */
    double medianPerCpuSecond() {
        List<Double> sorted = perCpuSecond.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Each round's figure, e.g. "1,830 / 1,901". */
    String rounds() {
        return String.join(" / ", perCpuSecond.stream().map(PeerTally::figure).toList());
    }

    /** A rate as the tables show it: whole numbers, one decimal under 100 (sign-ins per CPU-second are a few dozen). */
    static String figure(double v) {
        return String.format(Locale.ROOT, v < 100 ? "%,.1f" : "%,.0f", v);
    }

    double perSecond() {
        return seconds > 0 ? requests / seconds : Double.NaN;
    }

    double percentileMillis(double p) {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(p) / 1000.0;
    }

    double serverCores() {
        return seconds > 0 ? serverCpu / seconds : Double.NaN;
    }

    double otherCores() {
        return seconds > 0 ? otherCpu / seconds : Double.NaN;
    }

    double rssMaxMib() {
        return rssMaxMib;
    }

    long errors() {
        return errors;
    }

    String firstError() {
        return firstError;
    }
}
