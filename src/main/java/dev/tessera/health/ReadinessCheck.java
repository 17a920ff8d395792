package dev.tessera.health;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
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

    private List<ReadinessContributor> contributors;

    @PostConstruct
    void collect() {
        contributors = beans.stream().sorted(Comparator.comparingInt(ReadinessContributor::order)).toList();
    }

    /**
     * Creates the check and every part of it while the application starts, on one of its own threads. WildFly
     * calls health checks on a management thread, where the application's {@code java:comp/env} names (the data
     * source) do not resolve: a part first created there could never be injected (docs/wildfly.md).
     */
    void createdAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        contributors.forEach(ReadinessContributor::order);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("tessera");
        boolean up = true;
        for (ReadinessContributor contributor : contributors) {
            ReadinessPart part = contributor.assess();
            part.details().forEach(response::withData);
            up &= part.ready();
        }
        return response.status(up).build();
    }
}
