package dev.tessera.http;

import dev.tessera.config.Issuer;
import dev.tessera.config.StartupChecks;
import dev.tessera.oauth.Endpoints;
import dev.tessera.persistence.SchemaMigrated;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
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

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) SchemaMigrated event) {
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
