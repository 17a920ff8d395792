package dev.tessera.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAuthMethodTest {

    @ParameterizedTest
    @EnumSource(ClientAuthMethod.class)
    void everyMethodIsFoundByItsRegisteredName(ClientAuthMethod method) {
        assertThat(ClientAuthMethod.fromWireName(method.wireName())).contains(method);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"CLIENT_SECRET_BASIC", "Client_Secret_Basic", "client_secret_basic ", "tls_client_auth"})
    void namesAreExactAndUnknownOnesAreNotFound(String name) {
        assertThat(ClientAuthMethod.fromWireName(name)).isEmpty();
    }

    @Test
    void theRfc7591NamesAreTheWireNames() {
        assertThat(ClientAuthMethod.CLIENT_SECRET_BASIC.wireName()).isEqualTo("client_secret_basic");
        assertThat(ClientAuthMethod.PRIVATE_KEY_JWT.wireName()).isEqualTo("private_key_jwt");
        assertThat(ClientAuthMethod.NONE.wireName()).isEqualTo("none");
    }
}
