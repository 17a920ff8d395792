package dev.tessera.user.ldap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * LDAP latency and errors per operation (search, bind, groups), in the application registry of MicroProfile
 * Metrics: {@code tessera_ldap_latency_seconds{operation=...}} and {@code tessera_ldap_errors_total}. Without a
 * registry (unit tests) nothing is recorded.
 */
@ApplicationScoped
public class LdapMetrics {
    static final String LATENCY = "tessera.ldap.latency";
    static final String ERRORS = "tessera.ldap.errors";
    static final String OPERATION = "operation";

    @Inject
    MetricRegistry registry;

    public void record(String operation, long startNanos, boolean failed) {
        if (registry == null) {
            return;
        }
        Tag tag = new Tag(OPERATION, operation);
        registry.timer(LATENCY, tag).update(Duration.ofNanos(System.nanoTime() - startNanos));
        if (failed) {
            registry.counter(ERRORS, tag).inc();
        }
    }
}
