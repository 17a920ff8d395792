package dev.tessera.admin;

import dev.tessera.client.Client;
import dev.tessera.client.ClientFields;
import dev.tessera.client.ClientMetadata;
import dev.tessera.client.ClientRegistry;
import dev.tessera.client.ClientRepository;
import dev.tessera.config.Issuer;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.JsonFactories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The console's own client, {@value #CLIENT_ID}: confidential, authorization code with PKCE (S256), no consent,
 * redirect URI {@code <issuer>/admin/callback}. Created at every start where it is missing, by {@link AdminBootstrap}
 * after its own work (so the admin client's "first start: no clients yet" still holds) and under its lock (so two
 * nodes create it once), and its redirect URI follows the issuer. Its secret is generated and
 * thrown away: only this server redeems the console's codes, in-process ({@link ConsoleSignIn}), so no one can.
 * The redirect URI is set by the server itself, not through the registration rules, which are about redirect
 * URIs of other parties: the issuer's own origin is the one every redirect already trusts, also when it is a
 * plain {@code http://localhost} issuer in development.
 */
@ApplicationScoped
public class ConsoleClient {
    public static final String CLIENT_ID = "tessera-console";
    public static final String CALLBACK = "/admin/callback";
    /** Only for the validation of the creation; replaced by the issuer's callback in the same transaction. */
    private static final String PLACEHOLDER = "https://console.invalid" + CALLBACK;
    private static final Logger LOG = Logger.getLogger(ConsoleClient.class.getName());

    @Inject
    ClientRepository repository;

    @Inject
    ClientRegistry registry;

    @Inject
    Issuer issuer;

    public String redirectUri() {
        return issuer.endpoint(CALLBACK);
    }

    /** Called by {@link AdminBootstrap} after its own work, in its transaction, under its lock. */
    void provision() {
        Client client = repository.find(CLIENT_ID).orElse(null);
        if (client == null) {
            client = registry.create(ClientMetadata.fromJson(JsonFactories.BUILDERS.createObjectBuilder()
                    .add(ClientFields.GRANT_TYPES, JsonFactories.BUILDERS.createArrayBuilder().add(GrantTypes.AUTHORIZATION_CODE))
                    .add(ClientFields.REDIRECT_URIS, JsonFactories.BUILDERS.createArrayBuilder().add(PLACEHOLDER))
                    .add(ClientFields.TOKEN_ENDPOINT_AUTH_METHOD, "client_secret_basic")
                    .add(ClientFields.SCOPE, "openid")
                    .add(ClientFields.CLIENT_NAME, "Tessera console")
                    .add(ClientFields.REQUIRE_PKCE, true)
                    .add(ClientFields.REQUIRE_CONSENT, false)
                    .build()), CLIENT_ID).client();
            LOG.fine("Created the console's client " + CLIENT_ID);
        }
        if (!client.redirectUris().equals(Set.of(redirectUri()))) {
            client.redirectUris(Set.of(redirectUri()));
            repository.merge(client);
        }
    }
}
