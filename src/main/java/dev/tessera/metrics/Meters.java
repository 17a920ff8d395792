package dev.tessera.metrics;

import io.micrometer.common.util.internal.logging.InternalLoggerFactory;
import io.micrometer.common.util.internal.logging.JdkLoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one registry of the deployment. The JVM's own series are bound here because the server's (Payara's
 * base and vendor metrics) are switched off: each series exists once.
 */
@ApplicationScoped
public class Meters {
    private PrometheusMeterRegistry registry;
    private JvmGcMetrics gc;

    @PostConstruct
    void start() {
        // Micrometer would log through SLF4J when it finds its API (jose4j brings it) and make SLF4J complain
        // that it has no binding; the JDK's logging is what every server here routes.
        InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    @PreDestroy
    void stop() {
        gc.close();
        registry.close();
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The exposition in the format the scraper accepts (OpenMetrics when its Accept header asks for it). */
    String scrape(String accept) {
        return registry.scrape(accept == null ? "" : accept);
    }
}
