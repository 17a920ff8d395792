package dev.tessera.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means able to serve requests correctly, as every {@link ReadinessContributor} judges its own part
 * (database and schema, signing keys, the directory, the cryptographic provider, the admin guard). A load
 * balancer must not send traffic to a node that would fail, so each reason is reported in the check's
 * data; a part that only degrades the node (an LDAP outage, by default) reports without taking it out.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    Instance<ReadinessContributor> beans;

    /** Detail reported while the application is still starting. */
    static final String STARTING = "starting";

    /** Null until the application has started: the parts are created then, never by a probe. */
    private volatile List<ReadinessContributor> contributors;

    /**
     * Creates every part of the check while the application starts, on one of its own threads. WildFly calls
     * health checks on a management thread, where the application's {@code java:comp/env} names (the data source)
     * do not resolve: a part first created there could never be injected (docs/wildfly.md). And a probe can come
     * before the application has started (Payara Micro serves /health while the WAR deploys): creating the parts
     * then failed on configuration not yet available, with a stack trace in the log.
     */
    void createdAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        started(beans.stream().toList());
    }

    void started(List<ReadinessContributor> parts) {
        contributors = parts.stream().sorted(Comparator.comparingInt(ReadinessContributor::order)).toList();
    }

    @Override
    public HealthCheckResponse call() {
        ReadinessPart whole = assess();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("tessera");
        whole.details().forEach(response::withData);
        return response.status(whole.ready()).build();
    }

    /** Every part's answer together, in order; not ready while the application is still starting. */
    ReadinessPart assess() {
        List<ReadinessContributor> parts = contributors;
        if (parts == null) {
            return ReadinessPart.of(false, STARTING, "the application has not finished starting");
        }
        ReadinessPart whole = new ReadinessPart(true, Map.of());
        for (ReadinessContributor part : parts) {
            whole = whole.and(part.assess());
        }
        return whole;
    }
}
