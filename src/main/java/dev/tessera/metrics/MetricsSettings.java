package dev.tessera.metrics;

import dev.tessera.config.ConfigKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code tessera.metrics.enabled} (serve {@code /metrics}) and {@code tessera.metrics.client-label-limit} (how many
 * distinct client ids get a series of their own before the rest share {@code client="_other"}: a label per client
 * is what operators ask for, but 10,000 clients must not become 10,000 series per metric), and
 * {@code tessera.metrics.counting} (the counting guard's counters, for tests).
 */
@ApplicationScoped
public class MetricsSettings {
    @Inject
    @ConfigProperty(name = ConfigKeys.METRICS_ENABLED)
    boolean enabled;

    @Inject
    @ConfigProperty(name = ConfigKeys.METRICS_CLIENT_LABEL_LIMIT)
    int clientLabelLimit;

    @Inject
    @ConfigProperty(name = ConfigKeys.METRICS_COUNTING)
    boolean counting;

    public boolean enabled() {
        return enabled;
    }

    public int clientLabelLimit() {
        return clientLabelLimit;
    }

    /** Whether the counting guard's counters are registered (docs/performance.md, "The counting guard"). */
    public boolean counting() {
        return counting;
    }
}
