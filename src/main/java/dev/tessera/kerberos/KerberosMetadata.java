package dev.tessera.kerberos;

import dev.tessera.config.KerberosSettings;
import dev.tessera.discovery.MetadataContributor;
import dev.tessera.discovery.ProviderMetadata;
import dev.tessera.oauth.AcrValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Lists {@code urn:tessera:acr:kerberos} in {@code acr_values_supported} (OpenID Connect Discovery §3) where Kerberos is configured. */
@ApplicationScoped
public class KerberosMetadata implements MetadataContributor {
    @Inject
    KerberosSettings settings;

    @Override
    public void contribute(ProviderMetadata metadata) {
        if (settings.enabled()) {
            metadata.add("acr_values_supported", List.of(AcrValues.KERBEROS));
        }
    }
}
