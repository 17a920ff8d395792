package dev.tessera.token;

import dev.tessera.client.ClientAuthMethod;
import dev.tessera.client.ClientAssertionAlgorithms;
import dev.tessera.config.Issuer;
import dev.tessera.discovery.MetadataContributor;
import dev.tessera.discovery.MetadataNames;
import dev.tessera.discovery.ProviderMetadata;
import dev.tessera.oauth.Endpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
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

    @Override
    public void contribute(ProviderMetadata metadata) {
        List<String> methods = Arrays.stream(ClientAuthMethod.values()).map(ClientAuthMethod::wireName).toList();
        List<String> algorithms = ClientAssertionAlgorithms.all();
        metadata.set(MetadataNames.TOKEN_ENDPOINT, issuer.endpoint(Endpoints.TOKEN))
                .add(MetadataNames.GRANT_TYPES_SUPPORTED, handlers.supported().stream().sorted().toList())
                .add(MetadataNames.TOKEN_ENDPOINT_AUTH_METHODS_SUPPORTED, methods)
                .add(MetadataNames.TOKEN_ENDPOINT_AUTH_SIGNING_ALG_VALUES_SUPPORTED, algorithms)
                .set(MetadataNames.INTROSPECTION_ENDPOINT, issuer.endpoint(Endpoints.INTROSPECT))
                .add(MetadataNames.INTROSPECTION_ENDPOINT_AUTH_METHODS_SUPPORTED,
                        methods.stream().filter(m -> !m.equals(ClientAuthMethod.NONE.wireName())).toList())
                .add(MetadataNames.INTROSPECTION_ENDPOINT_AUTH_SIGNING_ALG_VALUES_SUPPORTED, algorithms)
                .add(MetadataNames.INTROSPECTION_SIGNING_ALG_VALUES_SUPPORTED, List.of("RS256"))
                .set(MetadataNames.REVOCATION_ENDPOINT, issuer.endpoint(Endpoints.REVOKE))
                .add(MetadataNames.REVOCATION_ENDPOINT_AUTH_METHODS_SUPPORTED, methods)
                .add(MetadataNames.REVOCATION_ENDPOINT_AUTH_SIGNING_ALG_VALUES_SUPPORTED, algorithms);
    }
}
