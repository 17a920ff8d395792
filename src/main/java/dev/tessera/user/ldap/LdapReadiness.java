package dev.tessera.user.ldap;

import dev.tessera.config.ConfigKeys;
import dev.tessera.config.UserStoreSettings;
import dev.tessera.health.ReadinessContributor;
import dev.tessera.health.ReadinessPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Readiness of the directory, when the {@code ldap} store is enabled. One server down of several is
 * "degraded": failover serves the logins. All of them down is reported, but takes the node out of
 * readiness only when {@value ConfigKeys#LDAP_REQUIRED_FOR_READINESS} is true: local users,
 * client_credentials and every token keep working without the directory, and a load balancer that drops
 * every node because the directory is down would stop those too.
 */
@ApplicationScoped
public class LdapReadiness implements ReadinessContributor {

    @Inject
    UserStoreSettings userStores;

    @Inject
    LdapProbe ldap;

    @Inject
    @ConfigProperty(name = ConfigKeys.LDAP_REQUIRED_FOR_READINESS)
    boolean required;

    @Override
    public int order() {
        return 30;
    }

    @Override
    public ReadinessPart assess() {
        if (!userStores.stores().contains(LdapUserStore.ID)) {
            return new ReadinessPart(true, Map.of());
        }
        try {
            LdapProbe.Result result = ldap.probe();
            String servers = result.answering() + " of " + result.total() + " servers answer";
            if (result.down().isEmpty()) {
                return ReadinessPart.of(true, "ldap", "reachable (" + servers + ")");
            }
            ReadinessPart part = ReadinessPart.of(result.anyAnswering() || !required,
                    "ldap", (result.anyAnswering() ? "degraded (" : "unreachable (") + servers + ")");
            return part.with("ldap-down", String.join(", ", result.down()));
        } catch (RuntimeException e) {
            return ReadinessPart.of(!required, "ldap", "not usable: " + e.getMessage());
        }
    }
}
