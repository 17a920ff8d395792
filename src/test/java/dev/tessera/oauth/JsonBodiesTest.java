package dev.tessera.oauth;

import static dev.tessera.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodiesTest {

    @Test
    void readsAnObject() {
        assertThat(JsonBodies.object("{\"client_name\":\"a\\\\u0000b\",\"n\":[1,null,{\"k\":true}]}", OAuthError.INVALID_REQUEST)
                .getString("client_name")).isEqualTo("a\\u0000b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"x\"", "{", " ", "{\"client_name\":\"a\",\"client_name\":\"b\"}",
        "{\"jwks\":{\"keys\":[],\"keys\":[]}}"})
    void anythingButAnObjectIsTheGivenError(String body) {
        assertOAuthError(OAuthError.INVALID_CLIENT_METADATA, () -> JsonBodies.object(body, OAuthError.INVALID_CLIENT_METADATA));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"client_name\":\"a\\u0000b\"}", "{\"a\\u0000\":1}", "{\"contacts\":[\"x\",\"\\u0000\"]}",
            "{\"jwks\":{\"keys\":[{\"kid\":\"\\u0000\"}]}}"})
    void nulInAnyNameOrStringIsTheGivenError(String body) {
        assertOAuthError(OAuthError.INVALID_CLIENT_METADATA, () -> JsonBodies.object(body, OAuthError.INVALID_CLIENT_METADATA))
                .hasMessageContaining("U+0000");
    }

    /** Parsson refuses nesting deeper than 1,000 with a plain RuntimeException; that was a 500. */
    @Test
    void nestingTooDeepIsTheGivenError() {
        String deep = "{\"client_id\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertOAuthError(OAuthError.INVALID_CLIENT_METADATA, () -> JsonBodies.object(deep, OAuthError.INVALID_CLIENT_METADATA))
                .hasMessageContaining("not a valid JSON object");
    }
}
