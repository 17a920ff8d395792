package dev.tessera.registration;

import dev.tessera.config.Issuer;
import dev.tessera.discovery.MetadataContributor;
import dev.tessera.discovery.MetadataNames;
import dev.tessera.discovery.ProviderMetadata;
import dev.tessera.oauth.Endpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Advertises the registration endpoint (RFC 8414 §2 and OpenID Connect Discovery 1.0 §3
 * {@code registration_endpoint}). It is listed even when registration is closed: the endpoint is there,
 * and a caller without an initial access token learns so from its 401.
 */
@ApplicationScoped
public class RegistrationMetadata implements MetadataContributor {

    @Inject
    Issuer issuer;

    @Override
    public void contribute(ProviderMetadata metadata) {
        metadata.set(MetadataNames.REGISTRATION_ENDPOINT, issuer.endpoint(Endpoints.REGISTER));
    }
}
