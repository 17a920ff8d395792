package dev.tessera.session;

import dev.tessera.config.Issuer;
import dev.tessera.discovery.MetadataContributor;
import dev.tessera.discovery.MetadataNames;
import dev.tessera.discovery.ProviderMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Advertises end_session_endpoint (OpenID Connect RP-Initiated Logout 1.0 §2.1), front-channel logout with
 * {@code iss} and {@code sid} (Front-Channel Logout 1.0 §3) and the check_session iframe (Session Management 1.0 §3.3).
 */
@ApplicationScoped
public class LogoutMetadata implements MetadataContributor {

    @Inject
    Issuer issuer;

    @Override
    public void contribute(ProviderMetadata metadata) {
        metadata.set(MetadataNames.END_SESSION_ENDPOINT, issuer.endpoint("/logout"));
        metadata.set(MetadataNames.FRONTCHANNEL_LOGOUT_SUPPORTED, true);
        metadata.set(MetadataNames.FRONTCHANNEL_LOGOUT_SESSION_SUPPORTED, true);
        metadata.set(MetadataNames.CHECK_SESSION_IFRAME, issuer.endpoint(CheckSessionResource.PATH));
    }
}
