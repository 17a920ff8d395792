package dev.tessera.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry of client authentication methods, as the shipped beans fill it. */
class ClientAuthMethodTest {
    private final ClientFixtures f = new ClientFixtures();

    @Test
    void everyShippedMethodIsFoundByItsRfc7591Name() {
        assertThat(f.methods.methods()).containsExactly("client_secret_basic", "client_secret_jwt", "client_secret_post", "none",
                "private_key_jwt");
        f.methods.methods().forEach(name -> assertThat(f.methods.find(name)).hasValueSatisfying(m -> assertThat(m.method()).isEqualTo(name)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"CLIENT_SECRET_BASIC", "Client_Secret_Basic", "client_secret_basic ", "tls_client_auth"})
    void namesAreExactAndUnknownOnesAreNotFound(String name) {
        assertThat(f.methods.find(name)).isEmpty();
    }

    @Test
    void onlyNoneIsPublicAndOnlyTheJwtMethodsSign() {
        assertThat(f.methods.confidentialMethods()).doesNotContain(ClientAuthMethod.NONE).hasSize(4);
        assertThat(f.methods.signingAlgorithms()).contains("HS256", "RS256", "ES256", "EdDSA").doesNotContain("none");
        assertThat(f.methods.find(ClientAuthMethod.CLIENT_SECRET_BASIC).orElseThrow().signingAlgorithms()).isEmpty();
    }

    @Test
    void whatEachMethodKeepsOfASecret() {
        assertThat(f.methods.secretOf(ClientAuthMethod.CLIENT_SECRET_BASIC)).isEqualTo(ClientSecretKind.HASHED);
        assertThat(f.methods.secretOf(ClientAuthMethod.CLIENT_SECRET_POST)).isEqualTo(ClientSecretKind.HASHED);
        assertThat(f.methods.secretOf(ClientAuthMethod.CLIENT_SECRET_JWT)).isEqualTo(ClientSecretKind.RECOVERABLE);
        assertThat(f.methods.secretOf(ClientAuthMethod.PRIVATE_KEY_JWT)).isEqualTo(ClientSecretKind.NONE);
        assertThat(f.methods.secretOf("tls_client_auth")).isEqualTo(ClientSecretKind.NONE);
    }
}
