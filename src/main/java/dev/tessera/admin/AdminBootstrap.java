package dev.tessera.admin;

import dev.tessera.oauth.JsonFactories;
import dev.tessera.client.Client;
import dev.tessera.client.ClientFields;
import dev.tessera.client.ClientMetadata;
import dev.tessera.client.ClientRegistry;
import dev.tessera.client.ClientRepository;
import dev.tessera.client.ClientSecrets;
import dev.tessera.config.BootstrapSettings;
import dev.tessera.config.Issuer;
import dev.tessera.http.StartupNotice;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.Scopes;
import dev.tessera.persistence.ClusterLocks;
import dev.tessera.persistence.NamedLock;
import dev.tessera.persistence.SchemaMigrated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * First start with an empty database: creates the admin client {@value #ADMIN_CLIENT_ID}
 * (client_credentials, scope tessera:admin) so the admin API can be used at all. Its secret comes from
 * {@code tessera.bootstrap.admin-secret}, or is generated and shown once, in the closing start-up block
 * ({@link StartupNotice}). On a database that has clients a configured secret is ignored, and the block says
 * so, unless {@code tessera.bootstrap.reset-admin-secret} asks to give it to the existing admin client: the
 * way back in for an operator who lost the secret. Runs under the bootstrap lock, so two nodes starting
 * together create it once.
 */
@ApplicationScoped
public class AdminBootstrap implements StartupNotice {
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

    @Inject
    Issuer issuer;

    @Inject
    ConsoleClient console;

    private volatile String notice;

    @Override
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    void onSchemaReady(@Observes SchemaMigrated event) {
        provisioning.run(this);
    }

    /** Separate bean so the transaction interceptor applies (a call to oneself bypasses it). */
    @ApplicationScoped
    public static class Provisioning {
        @Transactional
        public void run(AdminBootstrap bootstrap) {
            bootstrap.provision();
            bootstrap.console.provision();
        }
    }

    void provision() {
        locks.acquire(NamedLock.BOOTSTRAP);
        if (repository.count() > 0) {
            settings.adminSecret().ifPresent(this::existingDatabase);
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
            notice = "Admin client: " + ADMIN_CLIENT_ID + ", with the secret you set in TESSERA_BOOTSTRAP_ADMIN_SECRET.\n"
                    + nextStep("$TESSERA_BOOTSTRAP_ADMIN_SECRET");
        } else {
            notice = "*** Admin client created. Its secret is shown only this once: store it now. ***\n"
                    + "  client_id:     " + ADMIN_CLIENT_ID + "\n"
                    + "  client_secret: " + admin.secret() + "\n"
                    + nextStep(admin.secret());
        }
    }

    private String nextStep(String secret) {
        return "Next, an admin token (README, \"Try it\"):\n"
                + "  curl -s -u " + ADMIN_CLIENT_ID + ":" + secret + " -d grant_type=client_credentials " + issuer.endpoint("/token");
    }

    private void existingDatabase(String configuredSecret) {
        if (!settings.resetAdminSecret()) {
            notice = "TESSERA_BOOTSTRAP_ADMIN_SECRET is set but ignored: the database already has its admin client, and the\n"
                    + "secret is only used on the first start. To give " + ADMIN_CLIENT_ID + " this secret, start once with\n"
                    + "TESSERA_BOOTSTRAP_RESET_ADMIN_SECRET=true as well (docs/operations.md, \"Lost the admin secret\").";
            return;
        }
        Client admin = repository.find(ADMIN_CLIENT_ID).orElse(null);
        if (admin == null) {
            notice = "TESSERA_BOOTSTRAP_RESET_ADMIN_SECRET is set, but there is no client " + ADMIN_CLIENT_ID + " to reset.";
            return;
        }
        secrets.assign(admin, configuredSecret);
        repository.merge(admin);
        LOG.warning("The secret of " + ADMIN_CLIENT_ID + " was reset from tessera.bootstrap.admin-secret");
        notice = "The secret of " + ADMIN_CLIENT_ID + " was reset to TESSERA_BOOTSTRAP_ADMIN_SECRET. Remove\n"
                + "TESSERA_BOOTSTRAP_RESET_ADMIN_SECRET now, so the next start does not reset it again.";
    }
}
