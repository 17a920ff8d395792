package dev.tessera.admin;

import dev.tessera.oauth.JsonFactories;
import dev.tessera.client.ClientFields;
import dev.tessera.client.ClientMetadata;
import dev.tessera.client.ClientRegistry;
import dev.tessera.client.ClientRepository;
import dev.tessera.client.ClientSecrets;
import dev.tessera.config.BootstrapSettings;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.Scopes;
import dev.tessera.persistence.ClusterLocks;
import dev.tessera.persistence.NamedLock;
import dev.tessera.persistence.SchemaMigrated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;

/**
 * First start with an empty database: creates the admin client {@value #ADMIN_CLIENT_ID}
 * (client_credentials, scope tessera:admin) so the admin API can be used at all. Its secret comes from
 * {@code tessera.bootstrap.admin-secret}, or is generated and printed once. Runs under the bootstrap
 * lock, so two nodes starting together create it once.
 */
@ApplicationScoped
public class AdminBootstrap {
    public static final String ADMIN_CLIENT_ID = "tessera-admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    ClusterLocks locks;

    @Inject
    ClientRepository repository;

    @Inject
    ClientRegistry registry;

    @Inject
    ClientSecrets secrets;

    @Inject
    BootstrapSettings settings;

    @Inject
    Provisioning provisioning;

    void onSchemaReady(@Observes SchemaMigrated event) {
        provisioning.run(this);
    }

    /** Separate bean so the transaction interceptor applies (a call to oneself bypasses it). */
    @ApplicationScoped
    public static class Provisioning {
        @Transactional
        public void run(AdminBootstrap bootstrap) {
            bootstrap.provision();
        }
    }

    void provision() {
        locks.acquire(NamedLock.BOOTSTRAP);
        if (repository.count() > 0) {
            return;
        }
        ClientMetadata metadata = ClientMetadata.fromJson(JsonFactories.BUILDERS.createObjectBuilder()
                .add(ClientFields.GRANT_TYPES, JsonFactories.BUILDERS.createArrayBuilder().add(GrantTypes.CLIENT_CREDENTIALS))
                .add(ClientFields.TOKEN_ENDPOINT_AUTH_METHOD, "client_secret_basic")
                .add(ClientFields.SCOPE, Scopes.ADMIN)
                .add(ClientFields.CLIENT_NAME, "Tessera administration")
                .add(ClientFields.REQUIRE_CONSENT, false)
                .build());
        ClientRegistry.Registered admin = registry.create(metadata, ADMIN_CLIENT_ID);
        if (settings.adminSecret().isPresent()) {
            secrets.assign(admin.client(), settings.adminSecret().get());
            LOG.info("Created the admin client " + ADMIN_CLIENT_ID + " with the secret from tessera.bootstrap.admin-secret");
        } else {
            LOG.warning("\n*** Created the admin client '" + ADMIN_CLIENT_ID + "'. Its secret is shown only this once:\n"
                    + "    client_id:     " + ADMIN_CLIENT_ID + "\n"
                    + "    client_secret: " + admin.secret() + "\n"
                    + "Store it now, or set TESSERA_BOOTSTRAP_ADMIN_SECRET before the first start.\n");
        }
    }
}
