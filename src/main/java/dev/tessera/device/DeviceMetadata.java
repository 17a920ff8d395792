package dev.tessera.device;

import dev.tessera.config.Issuer;
import dev.tessera.discovery.MetadataContributor;
import dev.tessera.discovery.MetadataNames;
import dev.tessera.discovery.ProviderMetadata;
import dev.tessera.oauth.Endpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Advertises the device authorization endpoint (RFC 8628 §4). The grant type itself reaches
 * {@code grant_types_supported} through its {@link DeviceCodeGrant} handler.
 */
@ApplicationScoped
public class DeviceMetadata implements MetadataContributor {

    @Inject
    Issuer issuer;

    @Override
    public void contribute(ProviderMetadata metadata) {
        metadata.set(MetadataNames.DEVICE_AUTHORIZATION_ENDPOINT, issuer.endpoint(Endpoints.DEVICE_AUTHORIZATION));
    }
}
