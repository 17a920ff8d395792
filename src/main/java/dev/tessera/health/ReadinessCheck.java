package dev.tessera.health;

import dev.tessera.keys.KeyRing;
import dev.tessera.keys.KeyRotationService;
import dev.tessera.keys.SigningAlgorithm;
import dev.tessera.persistence.SchemaMigrator;
import dev.tessera.persistence.SchemaStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means able to serve every request correctly: the database answers, the schema is migrated,
 * and every enabled algorithm has an active signing key. A load balancer must not send traffic to a
 * node that would fail, so each reason is reported in the check's data.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Resource(lookup = SchemaMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    SchemaStatus schema;

    @Inject
    KeyRing ring;

    @Inject
    KeyRotationService rotation;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("tessera");
        boolean up = database(response) & schema(response) & keys(response);
        return response.status(up).build();
    }

    private boolean database(HealthCheckResponseBuilder response) {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            response.withData("database", valid ? "reachable" : "not answering");
            return valid;
        } catch (Exception e) {
            response.withData("database", "unreachable: " + e.getMessage());
            return false;
        }
    }

    private boolean schema(HealthCheckResponseBuilder response) {
        if (schema.migrated()) {
            response.withData("schema", "migrated");
            return true;
        }
        response.withData("schema", schema.failure().map(f -> "migration failed: " + f).orElse("not migrated yet"));
        return false;
    }

    private boolean keys(HealthCheckResponseBuilder response) {
        List<SigningAlgorithm> missing = rotation.enabledAlgorithms().stream()
                .filter(alg -> ring.active(alg).isEmpty()).toList();
        ring.loadFailure().ifPresent(f -> response.withData("keys-error", f));
        if (missing.isEmpty()) {
            response.withData("signing-keys", "active for " + rotation.enabledAlgorithms().size() + " algorithms");
            return true;
        }
        response.withData("signing-keys", "no active key for " + missing.stream().map(SigningAlgorithm::jwsName).toList());
        return false;
    }
}
