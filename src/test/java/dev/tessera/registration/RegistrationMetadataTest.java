package dev.tessera.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.Issuer;
import dev.tessera.discovery.ProviderMetadata;
import org.junit.jupiter.api.Test;

class RegistrationMetadataTest {

    @Test
    void advertisesTheRegistrationEndpointUnderTheIssuer() {
        RegistrationMetadata contributor = new RegistrationMetadata();
        contributor.issuer = new Issuer("https://sso.example.com/");
        ProviderMetadata metadata = new ProviderMetadata();

        contributor.contribute(metadata);

        assertThat(metadata.toJson().getString("registration_endpoint")).isEqualTo("https://sso.example.com/register");
    }
}
