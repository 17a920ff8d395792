package dev.tessera.metrics;

import dev.tessera.oauth.JsonParsing;
import dev.tessera.persistence.StatementCounter;
import io.micrometer.common.util.internal.logging.InternalLoggerFactory;
import io.micrometer.common.util.internal.logging.JdkLoggerFactory;
import io.micrometer.core.instrument.FunctionCounter;
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
import jakarta.inject.Inject;

/**
 * The one registry of the deployment. The JVM's own series are bound here because the server's (Payara's
 * base and vendor metrics) are switched off: each series exists once. With {@code tessera.metrics.counting} it also
 * carries the counting guard's two counters (docs/performance.md).
 */
@ApplicationScoped
public class Meters {
    static final String DB_STATEMENTS = "tessera.diagnostics.db.statements";
    static final String JSON_PARSERS = "tessera.diagnostics.json.parsers";

    @Inject
    MetricsSettings settings;

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
        if (settings.counting()) {
            // The counting guard (issue 23): what the tests compare per request, never a production series.
            FunctionCounter.builder(DB_STATEMENTS, StatementCounter.class, c -> StatementCounter.statements())
                    .description("SQL statements executed by the persistence unit (with the EclipseLink listener installed)")
                    .register(registry);
            FunctionCounter.builder(JSON_PARSERS, JsonParsing.class, c -> JsonParsing.parsersCreated())
                    .description("JSON parsers created by Tessera's code").register(registry);
        }
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
