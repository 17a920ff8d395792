package dev.tessera.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * One closed-loop load scenario: {@code connections} workers, each on its own keep-alive connection,
 * run their {@link Step} (by default the same token request) back to back for the warm-up and then the measured time. A request
 * counts when it completes inside the measured window; its latency is from just before the write to
 * the last byte of the response. The run stops at the end of the window or at the request cap,
 * whichever comes first.
 */
final class LoadRun {
    private static final byte[] TOKEN_PREFIX = "{\"access_token\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final long MAX_ERRORS = 1000;

    /** What one scenario measured. */
    record Result(long requests, long errors, double seconds, Histogram latencyMicros, long[] perSecond,
            CpuMeter.Usage cpu, boolean capped, String firstError, CpuMeter.Usage[] perSecondCpu,
            Histogram[] perSecondLatency) {

        /**
         * The same figures over only the seconds of the window in which other processes used at most
         * {@code maxOtherCores}: what the machine does when it is not shared.
         */
        Quiet quiet(double maxOtherCores) {
            Histogram latency = new Histogram(60_000_000L, 2);
            long requests = 0;
            double serverCpu = 0;
            int quietSeconds = 0;
            for (int s = 0; s < perSecond.length && s < perSecondCpu.length; s++) {
                if (perSecondCpu[s].otherCores() <= maxOtherCores) {
                    quietSeconds++;
                    requests += perSecond[s];
                    serverCpu += perSecondCpu[s].serverCpuSeconds();
                    if (perSecondLatency[s] != null) {
                        latency.add(perSecondLatency[s]);
                    }
                }
            }
            return new Quiet(quietSeconds, perSecond.length, requests, latency, serverCpu);
        }

        double throughput() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            return latencyMicros.getValueAtPercentile(p) / 1000.0;
        }

        double meanMillis() {
            return latencyMicros.getMean() / 1000.0;
        }

        double maxMillis() {
            return latencyMicros.getMaxValue() / 1000.0;
        }

        /** Tokens per CPU-second of the server process. */
        double perServerCpuSecond() {
            return cpu.serverCpuSeconds() > 0 ? requests / cpu.serverCpuSeconds() : Double.NaN;
        }
    }

    /** The figures of the quiet seconds of a window. */
    record Quiet(int seconds, int of, long requests, Histogram latencyMicros, double serverCpuSeconds) {
        double throughput() {
            return seconds == 0 ? Double.NaN : (double) requests / seconds;
        }

        double percentileMillis(double p) {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(p) / 1000.0;
        }

        double perServerCpuSecond() {
            return serverCpuSeconds > 0 ? requests / serverCpuSeconds : Double.NaN;
        }
    }

    /** Called when the measured window starts and ends (JFR markers, CPU readings). */
    interface WindowListener {
        void measuring(long nanoTime);
    }

    /**
     * What one connection does per iteration: one request, or several (a whole sign-in), on its own
     * keep-alive connection. Each connection has its own step, so it may carry state (a refresh token chain).
     */
    interface Step {
        /** Runs one iteration; null when it succeeded, otherwise a short description of the failure. */
        String run(KeepAliveConnection connection) throws IOException;
    }

    private final List<InetSocketAddress> addresses;
    private final IntFunction<Step> steps;
    private final int connections;
    private final long maxRequests;

    /** Connection i sends requests[i % requests.size()]: one request, or several mixed over the connections. */
    LoadRun(InetSocketAddress address, List<byte[]> requests, int connections, long maxRequests) {
        this(List.of(address), fixed(requests), connections, maxRequests);
    }

    /** Connection i goes to addresses[i % addresses.size()] (several nodes) and runs steps.apply(i). */
    LoadRun(List<InetSocketAddress> addresses, IntFunction<Step> steps, int connections, long maxRequests) {
        this.addresses = List.copyOf(addresses);
        this.steps = steps;
        this.connections = connections;
        this.maxRequests = maxRequests;
    }

    /** The same pre-built request over and over; success is a 200 whose body starts with an access token. */
    static IntFunction<Step> fixed(List<byte[]> requests) {
        List<byte[]> all = List.copyOf(requests);
        return i -> {
            byte[] request = all.get(i % all.size());
            return connection -> {
                connection.exchange(request);
                return connection.status() == 200 && connection.bodyStartsWith(TOKEN_PREFIX) ? null
                        : "HTTP " + connection.status() + ": " + abbreviate(connection.body());
            };
        };
    }

    /** The raw bytes of a client_credentials token request with HTTP Basic client authentication. */
    static byte[] tokenRequest(String authority, String path, String basicCredentials, String form) {
        return RawRequest.postForm(authority, path, RawRequest.basicHeader(basicCredentials), form);
    }

    Result run(int warmupSeconds, int seconds, CpuMeter meter, WindowListener onStart) throws InterruptedException {
        long begin = System.nanoTime() + 20_000_000L;
        long measureFrom = begin + warmupSeconds * 1_000_000_000L;
        long measureTo = measureFrom + seconds * 1_000_000_000L;
        AtomicLong issued = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker w = new Worker(i, begin, measureFrom, measureTo, seconds, issued, errors, firstError);
            workers.add(w);
        }
        workers.forEach(Thread::start);

        // CPU readings at every second of the window, so each second can be judged quiet or not.
        CpuMeter.Sample[] marks = new CpuMeter.Sample[seconds + 1];
        SigningCeiling.sleepUntil(measureFrom);
        marks[0] = meter.sample();
        if (onStart != null) {
            onStart.measuring(measureFrom);
        }
        for (int s = 1; s <= seconds; s++) {
            SigningCeiling.sleepUntil(measureFrom + s * 1_000_000_000L);
            marks[s] = meter.sample();
        }
        CpuMeter.Sample start = marks[0];
        CpuMeter.Sample end = marks[seconds];
        CpuMeter.Usage[] perSecondCpu = new CpuMeter.Usage[seconds];
        for (int s = 0; s < seconds; s++) {
            perSecondCpu[s] = meter.between(marks[s], marks[s + 1]);
        }
        for (Worker w : workers) {
            // Each worker is done at most one request timeout after the window closes.
            w.join(30_000);
            if (w.isAlive()) {
                w.interrupt();
                w.connection.close();
            }
        }

        Histogram latency = new Histogram(60_000_000L, 3);
        long[] perSecond = new long[seconds];
        Histogram[] perSecondLatency = new Histogram[seconds];
        long requests = 0;
        long lastCompletion = measureFrom;
        for (Worker w : workers) {
            latency.add(w.latency);
            for (int s = 0; s < seconds; s++) {
                perSecond[s] += w.perSecond[s];
                if (w.secondLatency[s] != null) {
                    if (perSecondLatency[s] == null) {
                        perSecondLatency[s] = new Histogram(60_000_000L, 2);
                    }
                    perSecondLatency[s].add(w.secondLatency[s]);
                }
            }
            requests += w.measured;
            lastCompletion = Math.max(lastCompletion, w.lastCompletion);
        }
        boolean capped = issued.get() >= maxRequests;
        double window = capped ? Math.max(1e-3, (lastCompletion - measureFrom) / 1e9) : seconds;
        return new Result(requests, errors.get(), window, latency, perSecond, meter.between(start, end), capped,
                firstError.get(), perSecondCpu, perSecondLatency);
    }

    private final class Worker extends Thread {
        final KeepAliveConnection connection;
        final Step step;
        final Histogram latency = new Histogram(60_000_000L, 3);
        final long[] perSecond;
        final Histogram[] secondLatency;
        final long begin;
        final long measureFrom;
        final long measureTo;
        final AtomicLong issued;
        final AtomicLong errors;
        final AtomicReference<String> firstError;
        long measured;
        long lastCompletion;

        Worker(int index, long begin, long measureFrom, long measureTo, int seconds, AtomicLong issued, AtomicLong errors,
                AtomicReference<String> firstError) {
            super("load-" + index);
            setDaemon(true);
            this.connection = new KeepAliveConnection(addresses.get(index % addresses.size()));
            this.step = steps.apply(index);
            this.begin = begin;
            this.measureFrom = measureFrom;
            this.measureTo = measureTo;
            this.perSecond = new long[seconds];
            this.secondLatency = new Histogram[seconds];
            this.issued = issued;
            this.errors = errors;
            this.firstError = firstError;
        }

        @Override
        public void run() {
            try {
                while (System.nanoTime() < begin) {
                    Thread.sleep(1);
                }
                while (!isInterrupted()) {
                    long t0 = System.nanoTime();
                    if (t0 >= measureTo || issued.incrementAndGet() > maxRequests || errors.get() > MAX_ERRORS) {
                        break;
                    }
                    boolean ok;
                    try {
                        String failure = step.run(connection);
                        ok = failure == null;
                        if (!ok) {
                            fail(failure);
                        }
                    } catch (IOException | RuntimeException e) {
                        ok = false;
                        fail(e.toString());
                    }
                    long t1 = System.nanoTime();
                    if (ok && t1 >= measureFrom && t1 < measureTo) {
                        long micros = Math.min((t1 - t0) / 1000, 60_000_000L);
                        int second = (int) ((t1 - measureFrom) / 1_000_000_000L);
                        latency.recordValue(micros);
                        if (secondLatency[second] == null) {
                            secondLatency[second] = new Histogram(60_000_000L, 2);
                        }
                        secondLatency[second].recordValue(micros);
                        measured++;
                        perSecond[second]++;
                        lastCompletion = t1;
                    }
                }
            } catch (InterruptedException e) {
                // stopped
            } finally {
                connection.close();
            }
        }

        private void fail(String message) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, message);
        }
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
