package dev.tessera.session.logout;

import dev.tessera.discovery.MetadataContributor;
import dev.tessera.discovery.MetadataNames;
import dev.tessera.discovery.ProviderMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Back-Channel Logout 1.0 §2.1: {@code backchannel_logout_supported}, and {@code backchannel_logout_session_supported}
 * because every logout token of a session carries its {@code sid}, as ID tokens do.
 */
@ApplicationScoped
public class BackchannelMetadata implements MetadataContributor {
    @Override
    public void contribute(ProviderMetadata metadata) {
        metadata.set(MetadataNames.BACKCHANNEL_LOGOUT_SUPPORTED, true);
        metadata.set(MetadataNames.BACKCHANNEL_LOGOUT_SESSION_SUPPORTED, true);
    }
}
