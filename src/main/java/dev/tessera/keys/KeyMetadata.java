package dev.tessera.keys;

import dev.tessera.config.Issuer;
import dev.tessera.discovery.MetadataContributor;
import dev.tessera.discovery.MetadataNames;
import dev.tessera.discovery.ProviderMetadata;
import dev.tessera.oauth.Endpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Advertises the JWK Set (RFC 8414 §2 {@code jwks_uri}). */
@ApplicationScoped
public class KeyMetadata implements MetadataContributor {

    @Inject
    Issuer issuer;

    @Override
    public void contribute(ProviderMetadata metadata) {
        metadata.set(MetadataNames.JWKS_URI, issuer.endpoint(Endpoints.JWKS));
    }
}
