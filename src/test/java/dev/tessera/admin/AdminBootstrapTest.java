package dev.tessera.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.client.ClientRepository;
import dev.tessera.client.ClientSecrets;
import dev.tessera.config.BootstrapSettings;
import dev.tessera.config.Issuer;
import dev.tessera.persistence.ClusterLocks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, point 10: a start on a database that already has its admin client. A configured secret is not
 * ignored without a word, and an operator who lost the secret gets back in with the reset switch.
 */
class AdminBootstrapTest {
    final Client admin = new Client(AdminBootstrap.ADMIN_CLIENT_ID, ClientAuthMethod.CLIENT_SECRET_BASIC, Instant.EPOCH);
    final List<String> assigned = new ArrayList<>();

    AdminBootstrap bootstrap(Optional<String> secret, boolean reset) {
        AdminBootstrap b = new AdminBootstrap();
        b.locks = new ClusterLocks() {
            @Override
            public void acquire(String name) {
            }
        };
        b.repository = new ClientRepository() {
            @Override
            public long count() {
                return 1;
            }

            @Override
            public Optional<Client> find(String clientId) {
                return Optional.of(admin).filter(c -> c.clientId().equals(clientId));
            }

            @Override
            public Client merge(Client client) {
                return client;
            }
        };
        b.secrets = new ClientSecrets() {
            @Override
            public void assign(Client client, String value) {
                assigned.add(client.clientId() + ":" + value);
            }
        };
        b.settings = new BootstrapSettings(secret, reset);
        b.issuer = new Issuer("http://localhost:8080");
        return b;
    }

    @Test
    void aSecretSetForAnExistingDatabaseIsIgnoredAndTheClosingBlockSaysSoAndHowToReset() {
        AdminBootstrap b = bootstrap(Optional.of("new-secret"), false);
        b.provision();

        assertThat(assigned).isEmpty();
        assertThat(b.notice()).hasValueSatisfying(n -> assertThat(n).contains("ignored", "TESSERA_BOOTSTRAP_RESET_ADMIN_SECRET=true"));
    }

    @Test
    void theResetSwitchGivesTheExistingAdminClientTheConfiguredSecret() {
        AdminBootstrap b = bootstrap(Optional.of("new-secret"), true);
        b.provision();

        assertThat(assigned).containsExactly("tessera-admin:new-secret");
        assertThat(b.notice()).hasValueSatisfying(n -> assertThat(n).contains("was reset", "Remove").doesNotContain("new-secret"));
    }

    @Test
    void aPlainRestartHasNothingToSay() {
        AdminBootstrap b = bootstrap(Optional.empty(), false);
        b.provision();

        assertThat(assigned).isEmpty();
        assertThat(b.notice()).isEmpty();
    }
}
