package dev.tessera.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /metrics}: the registry in the Prometheus text format 0.0.4, or OpenMetrics 1.0 when the Accept
 * header asks for {@code application/openmetrics-text}. Switched off by {@code tessera.metrics.enabled=false}
 * (then 404, as for any unknown path).
 */
@Path(MetricsResource.PATH)
@ApplicationScoped
@Tag(name = "operations")
public class MetricsResource {
    static final String PATH = "/metrics";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    @Inject
    Meters meters;

    @Inject
    MetricsSettings settings;

    @GET
    @Operation(summary = "Metrics in the Prometheus text format (OpenMetrics when asked for)")
    public Response scrape(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        if (!settings.enabled()) {
            throw new NotFoundException(); // the JSON 404 of every unknown path
        }
        boolean openMetrics = accept != null && accept.contains("application/openmetrics-text");
        return Response.ok(meters.scrape(accept), openMetrics ? OPENMETRICS_TEXT : PROMETHEUS_TEXT)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
