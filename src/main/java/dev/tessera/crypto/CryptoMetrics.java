package dev.tessera.crypto;

import dev.tessera.metrics.Meters;
import io.micrometer.core.instrument.Gauge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@code tessera_crypto_provider{provider, version, native} 1}: which provider signs on each node, so a
 * fleet where some nodes fell back to the JDK (a platform without the native library) shows on a dashboard.
 */
@ApplicationScoped
public class CryptoMetrics {
    static final String NAME = "tessera.crypto.provider";

    @Inject
    Meters meters;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        CryptoStatus status = CryptoProviders.status();
        Gauge.builder(NAME, () -> 1).description("The JCA provider that signs on this node")
                .tag("provider", status.provider()).tag("version", status.version())
                .tag("native", Boolean.toString(status.nativeProvider()))
                .register(meters.registry());
    }
}
