package dev.tessera.http;

import dev.tessera.config.Issuer;
import dev.tessera.config.StartupChecks;
import dev.tessera.oauth.Endpoints;
import dev.tessera.persistence.SchemaStatus;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Says once, after start-up work is done, where Tessera answers, what the operator must read now
 * ({@link StartupNotice}s, e.g. the first admin secret), and repeats any security warnings.
 */
@ApplicationScoped
public class StartupBanner {
    private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

    @Inject
    Issuer issuer;

    @Inject
    StartupChecks checks;

    @Inject
    Instance<StartupNotice> notices;

    @Inject
    SchemaStatus schema;

    /**
     * After every other start-up observer (migration runs first, at priority 1), so the block is the last
     * thing Tessera writes while starting; the container's own chatter after it is quietened by
     * server-config/.
     */
    void onStarted(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 900) @Initialized(ApplicationScoped.class) Object started) {
        if (!schema.migrated()) {
            LOG.severe("\n=== Tessera is NOT ready ===\n  " + schema.failure().orElse("start-up did not finish")
                    + "\n  readiness: " + issuer.endpoint("/health/ready") + " says the same; the log above has the details.\n");
            return;
        }
        checks.logWarnings();
        StringBuilder banner = new StringBuilder("\n=== Tessera is running ===\n")
                .append("  issuer:     ").append(issuer.url()).append('\n')
                .append("  discovery:  ").append(issuer.endpoint(Endpoints.OPENID_CONFIGURATION)).append('\n')
                .append("  JWKS:       ").append(issuer.endpoint(Endpoints.JWKS)).append('\n')
                .append("  readiness:  ").append(issuer.endpoint("/health/ready")).append('\n');
        notices.stream().map(StartupNotice::notice).flatMap(Optional::stream).forEach(n -> banner.append('\n').append(n).append('\n'));
        LOG.info(banner.toString());
    }
}
