package dev.tessera.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code tessera_crypto_provider{provider, version, native} 1}: which provider signs on each node, so a
 * fleet where some nodes fell back to the JDK (a platform without the native library) shows on a dashboard.
 */
@ApplicationScoped
public class CryptoMetrics {
    static final String NAME = "tessera.crypto.provider";

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        CryptoStatus status = CryptoProviders.status();
        registry.gauge(NAME, status, s -> 1, new Tag("provider", status.provider()), new Tag("version", status.version()),
                new Tag("native", Boolean.toString(status.nativeProvider())));
    }
}
