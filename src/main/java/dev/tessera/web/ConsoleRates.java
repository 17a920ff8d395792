package dev.tessera.web;

import dev.tessera.metrics.Meters;
import dev.tessera.persistence.RepeatingTask;
import dev.tessera.persistence.SchemaMigrated;
import io.micrometer.core.instrument.Counter;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tokens and sign-ins per minute on this node, for the console's overview. The metrics registry has totals since
 * the node started (Prometheus counters: a scraper computes rates); this samples them every {@value #EVERY_SECONDS}
 * seconds and keeps two minutes, so the overview can show the last minute's increase without a scraper. Per node:
 * each node counts what it served.
 */
@ApplicationScoped
public class ConsoleRates {
    static final int EVERY_SECONDS = 15;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final String TOKENS = "tessera.token.requests";
    static final String SIGN_INS = "tessera.sign.ins";
    static final String OUTCOME = "outcome";

    private record Sample(Instant at, Map<String, Double> totals) {
    }

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Meters meters;

    @Inject
    Clock clock;

    private final Deque<Sample> samples = new ArrayDeque<>();
    private RepeatingTask task;

    void start(@Observes SchemaMigrated ready) {
        sample();
        task = RepeatingTask.every(executor, Duration.ofSeconds(EVERY_SECONDS), "Console rates", this::sample);
    }

    /** The totals now: tokens and sign-ins by outcome ("tokens issued", "sign-ins success", ...). */
    public Map<String, Double> totals() {
        Map<String, Double> sums = new TreeMap<>();
        sum(sums, TOKENS, "tokens ");
        sum(sums, SIGN_INS, "sign-ins ");
        return sums;
    }

    private void sum(Map<String, Double> sums, String meter, String prefix) {
        for (Counter counter : meters.registry().find(meter).counters()) {
            sums.merge(prefix + counter.getId().getTag(OUTCOME), counter.count(), Double::sum);
        }
    }

    synchronized void sample() {
        Instant now = clock.instant();
        samples.addLast(new Sample(now, totals()));
        while (samples.size() > 1 && samples.peekFirst().at().isBefore(now.minus(WINDOW.multipliedBy(2)))) {
            samples.removeFirst();
        }
    }

    /**
     * The increase per minute over the last minute: from the newest sample at least a minute old (or the oldest
     * there is, scaled to a minute) to the totals now. Empty until the first sample.
     */
    public synchronized Map<String, Long> perMinute() {
        if (samples.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        Sample from = samples.peekFirst();
        for (Sample s : samples) {
            if (!s.at().isAfter(now.minus(WINDOW))) {
                from = s;
            }
        }
        double minutes = Math.max(Duration.between(from.at(), now).toMillis(), 1000) / 60_000.0;
        Map<String, Long> rates = new TreeMap<>();
        Map<String, Double> base = from.totals();
        totals().forEach((name, total) -> rates.put(name, Math.round((total - base.getOrDefault(name, 0.0)) / minutes)));
        return rates;
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.stop();
        }
    }
}
