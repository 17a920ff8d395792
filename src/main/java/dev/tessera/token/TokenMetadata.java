package dev.tessera.token;

import dev.tessera.client.ClientAuthentications;
import dev.tessera.config.Issuer;
import dev.tessera.discovery.MetadataContributor;
import dev.tessera.discovery.MetadataNames;
import dev.tessera.discovery.ProviderMetadata;
import dev.tessera.oauth.Endpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Advertises the token, introspection and revocation endpoints, the grant types that have a handler,
 * and the client authentication methods and assertion algorithms each endpoint accepts (RFC 8414 §2).
 */
@ApplicationScoped
public class TokenMetadata implements MetadataContributor {

    @Inject
    Issuer issuer;

    @Inject
    GrantHandlers handlers;

    @Inject
    ClientAuthentications clientAuthentications;

    @Override
    public void contribute(ProviderMetadata metadata) {
        List<String> methods = clientAuthentications.methods();
        List<String> algorithms = clientAuthentications.signingAlgorithms();
        metadata.set(MetadataNames.TOKEN_ENDPOINT, issuer.endpoint(Endpoints.TOKEN))
                .add(MetadataNames.GRANT_TYPES_SUPPORTED, handlers.supported().stream().sorted().toList())
                .add(MetadataNames.TOKEN_ENDPOINT_AUTH_METHODS_SUPPORTED, methods)
                .add(MetadataNames.TOKEN_ENDPOINT_AUTH_SIGNING_ALG_VALUES_SUPPORTED, algorithms)
                .set(MetadataNames.INTROSPECTION_ENDPOINT, issuer.endpoint(Endpoints.INTROSPECT))
                .add(MetadataNames.INTROSPECTION_ENDPOINT_AUTH_METHODS_SUPPORTED,
                        clientAuthentications.confidentialMethods())
                .add(MetadataNames.INTROSPECTION_ENDPOINT_AUTH_SIGNING_ALG_VALUES_SUPPORTED, algorithms)
                .add(MetadataNames.INTROSPECTION_SIGNING_ALG_VALUES_SUPPORTED, List.of("RS256"))
                .set(MetadataNames.REVOCATION_ENDPOINT, issuer.endpoint(Endpoints.REVOKE))
                .add(MetadataNames.REVOCATION_ENDPOINT_AUTH_METHODS_SUPPORTED, methods)
                .add(MetadataNames.REVOCATION_ENDPOINT_AUTH_SIGNING_ALG_VALUES_SUPPORTED, algorithms);
    }
}
