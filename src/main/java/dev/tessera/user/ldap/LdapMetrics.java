package dev.tessera.user.ldap;

import dev.tessera.metrics.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/**
 * LDAP latency and errors per operation (search, bind, groups, list, password): {@code tessera_ldap_latency_seconds{operation}}
 * and {@code tessera_ldap_errors_total{operation}}. Without a registry (unit tests build the directory by hand)
 * nothing is recorded.
 */
@ApplicationScoped
public class LdapMetrics {
    static final String LATENCY = "tessera.ldap.latency";
    static final String ERRORS = "tessera.ldap.errors";
    static final String OPERATION = "operation";

    @Inject
    Meters meters;

    public void record(String operation, long startNanos, boolean failed) {
        if (meters == null) {
            return;
        }
        Timer.builder(LATENCY).description("Time of LDAP operations").tag(OPERATION, operation)
                .register(meters.registry()).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        if (failed) {
            Counter.builder(ERRORS).description("Failed LDAP operations").tag(OPERATION, operation)
                    .register(meters.registry()).increment();
        }
    }
}
