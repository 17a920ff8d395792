package dev.tessera.health;

import dev.tessera.admin.AdminAuthSwitch;
import dev.tessera.admin.AdminOnlyAuthentication;
import dev.tessera.config.ConfigKeys;
import dev.tessera.config.UserStoreSettings;
import dev.tessera.crypto.CryptoProviders;
import dev.tessera.crypto.CryptoStatus;
import dev.tessera.keys.KeyRing;
import dev.tessera.keys.KeyRotationService;
import dev.tessera.keys.SigningAlgorithm;
import dev.tessera.oauth.Secrets;
import dev.tessera.persistence.SchemaMigrator;
import dev.tessera.persistence.SchemaStatus;
import dev.tessera.user.ldap.LdapProbe;
import dev.tessera.user.ldap.LdapUserStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
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
 * every enabled algorithm has an active signing key, and, when the {@code ldap} user store is enabled, at
 * least one directory server answers. A load balancer must not send traffic to a node that would fail, so
 * each reason is reported in the check's data. One directory server down of several is "degraded" but
 * ready: failover serves the logins. The cryptographic provider in use (native or the JDK's, and why) is
 * reported too, though either is ready.
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

    @Inject
    UserStoreSettings userStores;

    @Inject
    LdapProbe ldap;

    @Inject
    BeanManager beans;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("tessera");
        boolean up = database(response) & schema(response) & keys(response) & directory(response);
        CryptoStatus crypto = CryptoProviders.status();
        response.withData("crypto-provider", crypto.describe());
        response.withData("crypto-random", Secrets.randomProvider());
        response.withData("admin-auth", adminAuth());
        return response.status(up).build();
    }

    private String adminAuth() {
        if (!AdminAuthSwitch.mechanismInstalled(beans)) {
            return "in-process (" + ConfigKeys.ADMIN_MP_JWT + "=false)";
        }
        return AdminOnlyAuthentication.limitedToAdminApi()
                ? "MicroProfile JWT (Jakarta Security for /admin/api only)"
                : "MicroProfile JWT (Jakarta Security on every request)";
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

    private boolean directory(HealthCheckResponseBuilder response) {
        if (!userStores.stores().contains(LdapUserStore.ID)) {
            return true;
        }
        try {
            LdapProbe.Result result = ldap.probe();
            String servers = result.answering() + " of " + result.total() + " servers answer";
            if (result.down().isEmpty()) {
                response.withData("ldap", "reachable (" + servers + ")");
            } else {
                response.withData("ldap", (result.anyAnswering() ? "degraded (" : "unreachable (") + servers + ")");
                response.withData("ldap-down", String.join(", ", result.down()));
            }
            return result.anyAnswering();
        } catch (RuntimeException e) {
            response.withData("ldap", "not usable: " + e.getMessage());
            return false;
        }
    }

    private boolean keys(HealthCheckResponseBuilder response) {
        List<SigningAlgorithm> missing = rotation.enabledAlgorithms().stream()
                .filter(alg -> ring.active(alg).isEmpty()).toList();
        ring.loadFailure().ifPresent(f -> response.withData("keys-error", f));
        ring.reloadedAt().ifPresent(at -> response.withData("signing-keys-loaded", at.toString()));
        if (missing.isEmpty()) {
            response.withData("signing-keys", "active for " + rotation.enabledAlgorithms().size() + " algorithms");
            return true;
        }
        response.withData("signing-keys", "no active key for " + missing.stream().map(SigningAlgorithm::jwsName).toList());
        return false;
    }
}
