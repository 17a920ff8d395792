package dev.tessera.session;

import dev.tessera.config.Issuer;
import dev.tessera.discovery.MetadataContributor;
import dev.tessera.discovery.MetadataNames;
import dev.tessera.discovery.ProviderMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Advertises end_session_endpoint (OpenID Connect RP-Initiated Logout 1.0 §2.1). */
@ApplicationScoped
public class LogoutMetadata implements MetadataContributor {

    @Inject
    Issuer issuer;

    @Override
    public void contribute(ProviderMetadata metadata) {
        metadata.set(MetadataNames.END_SESSION_ENDPOINT, issuer.endpoint("/logout"));
    }
}
