package dev.tessera.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Replacing metadata that moves a client to a secret-based auth method it has no secret for. */
class ClientRegistryUpdateTest {
    private final InMemoryClients clients = new InMemoryClients(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    private static ClientMetadata deviceClient(String authMethod) {
        return ClientMetadata.fromJson(jakarta.json.Json.createObjectBuilder()
                .add("grant_types", jakarta.json.Json.createArrayBuilder().add(GrantTypes.DEVICE_CODE))
                .add("token_endpoint_auth_method", authMethod).build());
    }

    @Test
    void adminUpdateStillRefusesASwitchThatNeedsANewSecret() {
        String id = clients.registry().create(deviceClient("none"), "c1").client().clientId();

        assertThatThrownBy(() -> clients.registry().update(id, deviceClient("client_secret_basic")))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(OAuthError.INVALID_CLIENT_METADATA);
                    assertThat(e.description()).contains("rotate it after the change");
                });
    }

    @Test
    void updateIssuingMissingSecretReturnsANewSecretThatMatches() {
        ClientRegistry.Registered created = clients.registry().create(deviceClient("none"), "c1");
        assertThat(created.secret()).isNull();

        ClientRegistry.Registered updated = clients.registry().update("c1", deviceClient("client_secret_basic"), true);

        assertThat(updated.secret()).isNotBlank();
        assertThat(clients.secrets().matches(updated.client(), updated.secret())).isTrue();
        assertThat(updated.client().authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
    }

    @Test
    void updateKeepsAnExistingSecretWithoutIssuingAnother() {
        ClientRegistry.Registered created = clients.registry().create(deviceClient("client_secret_post"), "c1");

        ClientRegistry.Registered updated = clients.registry().update("c1", deviceClient("client_secret_basic"), true);

        assertThat(updated.secret()).isNull();
        assertThat(clients.secrets().matches(updated.client(), created.secret())).isTrue();
    }

    @Test
    void aSecretDroppedBySwitchingAwayFromItNeverComesBack() {
        ClientRegistry.Registered created = clients.registry().create(deviceClient("client_secret_basic"), "c1");
        clients.registry().update("c1", deviceClient("none"));

        ClientRegistry.Registered back = clients.registry().update("c1", deviceClient("client_secret_basic"), true);

        assertThat(back.secret()).isNotNull().isNotEqualTo(created.secret());
        assertThat(clients.secrets().matches(back.client(), created.secret())).isFalse();
    }
}
