package dev.tessera.http;

import dev.tessera.config.Issuer;
import dev.tessera.config.StartupChecks;
import dev.tessera.oauth.Endpoints;
import dev.tessera.persistence.SchemaMigrated;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;

/** Says once, after start-up work is done, where Tessera answers, and repeats any security warnings. */
@ApplicationScoped
public class StartupBanner {
    private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

    @Inject
    Issuer issuer;

    @Inject
    StartupChecks checks;

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) SchemaMigrated event) {
        checks.logWarnings();
        LOG.info("\n=== Tessera is running ===\n"
                + "  issuer:     " + issuer.url() + "\n"
                + "  discovery:  " + issuer.endpoint(Endpoints.OPENID_CONFIGURATION) + "\n"
                + "  JWKS:       " + issuer.endpoint(Endpoints.JWKS) + "\n"
                + "  readiness:  " + issuer.endpoint("/health/ready") + "\n");
    }
}
