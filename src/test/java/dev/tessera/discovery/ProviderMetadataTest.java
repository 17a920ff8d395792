package dev.tessera.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderMetadataTest {
    private final ProviderMetadata metadata = new ProviderMetadata();

    @Test
    void listsKeepTheOrderOfFirstAdditionAndNeverRepeatAValue() {
        metadata.add("grant_types_supported", List.of("authorization_code", "refresh_token"));
        metadata.add("grant_types_supported", List.of("client_credentials", "authorization_code"));
        metadata.add("grant_types_supported", List.of("refresh_token"));

        assertThat(strings(metadata.toJson(), "grant_types_supported"))
                .containsExactly("authorization_code", "refresh_token", "client_credentials");
    }

    @Test
    void anEmptyAdditionStillDeclaresTheListMember() {
        metadata.add("scopes_supported", List.of());

        assertThat(metadata.has("scopes_supported")).isTrue();
        assertThat(metadata.toJson().getJsonArray("scopes_supported")).isEmpty();
    }

    @Test
    void settingAScalarTwiceWithTheSameValueIsFine() {
        metadata.set("token_endpoint", "https://sso.example.com/token");
        metadata.set("token_endpoint", "https://sso.example.com/token");
        metadata.set("request_uri_parameter_supported", false);
        metadata.set("request_uri_parameter_supported", false);

        JsonObject json = metadata.toJson();
        assertThat(json.getString("token_endpoint")).isEqualTo("https://sso.example.com/token");
        assertThat(json.get("request_uri_parameter_supported")).isEqualTo(JsonValue.FALSE);
    }

    @Test
    void settingAScalarTwiceWithDifferentValuesIsAProgrammingError() {
        metadata.set("token_endpoint", "https://sso.example.com/token");
        metadata.set("claims_parameter_supported", true);

        assertThatThrownBy(() -> metadata.set("token_endpoint", "https://evil.example.com/token"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("token_endpoint");
        assertThatThrownBy(() -> metadata.set("claims_parameter_supported", false))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> metadata.set("claims_parameter_supported", "true"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(metadata.toJson().getString("token_endpoint")).isEqualTo("https://sso.example.com/token");
    }

    @Test
    void aMemberIsEitherAListOrAScalar() {
        metadata.set("issuer", "https://sso.example.com");
        metadata.add("response_types_supported", List.of("code"));

        assertThatThrownBy(() -> metadata.add("issuer", List.of("x"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> metadata.set("response_types_supported", "code"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void writesMembersInTheOrderTheyWereFirstSetWithTheirJsonTypes() {
        metadata.set("issuer", "https://sso.example.com")
                .add("response_types_supported", List.of("code"))
                .set("require_pushed_authorization_requests", true);

        JsonObject json = metadata.toJson();

        assertThat(json.keySet())
                .containsExactly("issuer", "response_types_supported", "require_pushed_authorization_requests");
        assertThat(json.get("issuer")).isInstanceOf(JsonString.class);
        assertThat(json.get("require_pushed_authorization_requests")).isEqualTo(JsonValue.TRUE);
        assertThat(json.get("response_types_supported").getValueType()).isEqualTo(JsonValue.ValueType.ARRAY);
        assertThat(metadata.has("jwks_uri")).isFalse();
    }

    static List<String> strings(JsonObject json, String name) {
        return json.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
