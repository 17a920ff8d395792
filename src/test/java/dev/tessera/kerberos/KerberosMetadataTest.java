package dev.tessera.kerberos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.KerberosSettings;
import dev.tessera.discovery.ProviderMetadata;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Discovery lists the kerberos acr only where a keytab is configured. */
class KerberosMetadataTest {
    static ProviderMetadata contributed(KerberosSettings settings) {
        KerberosMetadata contributor = new KerberosMetadata();
        contributor.settings = settings;
        ProviderMetadata metadata = new ProviderMetadata().add("acr_values_supported", List.of("urn:tessera:acr:password"));
        contributor.contribute(metadata);
        return metadata;
    }

    @Test
    void theKerberosAcrIsListedOnlyWithAKeytab() {
        assertThat(contributed(KerberosSettings.off()).toJson().getJsonArray("acr_values_supported").toString())
                .isEqualTo("[\"urn:tessera:acr:password\"]");
        KerberosSettings on = new KerberosSettings(Optional.of("/etc/tessera/http.keytab"), "HTTP/sso.example.com@EXAMPLE.COM",
                Optional.empty(), List.of(), Optional.empty(), Optional.empty());
        assertThat(contributed(on).toJson().getJsonArray("acr_values_supported").toString())
                .isEqualTo("[\"urn:tessera:acr:password\",\"urn:tessera:acr:kerberos\"]");
    }
}
