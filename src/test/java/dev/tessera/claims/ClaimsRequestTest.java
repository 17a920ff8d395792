package dev.tessera.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OpenID Connect Core §5.5: the claims parameter, a JSON object whose id_token and userinfo members are objects. */
class ClaimsRequestTest {
    static final String BOTH = "{\"userinfo\":{\"given_name\":{\"essential\":true},\"email\":null,\"picture\":null},"
            + "\"id_token\":{\"auth_time\":{\"essential\":true},\"acr\":{\"values\":[\"urn:x\"]},\"email\":null}}";

    @ParameterizedTest
    @ValueSource(strings = {"{}", BOTH, "{\"userinfo\":null}", "{\"id_token\":{}}", "{\"other\":[1,2]}", " { \"userinfo\" : { } } "})
    void validRequests(String json) {
        assertThat(ClaimsRequest.isValid(json)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "null", "\"email\"", "42", "{\"id_token\":[]}", "{\"userinfo\":\"email\"}",
            "{\"id_token\":true}", "{\"userinfo\":{},\"id_token\":1}", "{email}", "{'userinfo':{}}"})
    void invalidRequests(String json) {
        assertThat(ClaimsRequest.isValid(json)).isFalse();
    }

    @Test
    void requestedNamesPerTargetInOrder() {
        assertThat(ClaimsRequest.requested(BOTH, ClaimsRequest.USERINFO)).containsExactly("given_name", "email", "picture");
        assertThat(ClaimsRequest.requested(BOTH, ClaimsRequest.ID_TOKEN)).containsExactly("auth_time", "acr", "email");
    }

    @Test
    void nothingRequestedIsEmpty() {
        assertThat(ClaimsRequest.requested(null, ClaimsRequest.ID_TOKEN)).isEmpty();
        assertThat(ClaimsRequest.requested("{}", ClaimsRequest.ID_TOKEN)).isEmpty();
        assertThat(ClaimsRequest.requested("{\"userinfo\":{\"email\":null}}", ClaimsRequest.ID_TOKEN)).isEmpty();
        assertThat(ClaimsRequest.requested("{\"id_token\":null}", ClaimsRequest.ID_TOKEN)).isEmpty();
    }

    @Test
    void anInvalidRequestRequestsNothing() {
        assertThat(ClaimsRequest.requested("{\"id_token\":[\"email\"]}", ClaimsRequest.ID_TOKEN)).isEmpty();
        assertThat(ClaimsRequest.requested("not json", ClaimsRequest.USERINFO)).isEmpty();
    }

    @Test
    void essentialAcrValuesOrValueOrNothing() {
        assertThat(ClaimsRequest.essentialAcr("{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"a\",\"b\"]}}}"))
                .contains(java.util.List.of("a", "b"));
        assertThat(ClaimsRequest.essentialAcr("{\"id_token\":{\"acr\":{\"essential\":true,\"value\":\"a\"}}}"))
                .contains(java.util.List.of("a"));
        assertThat(ClaimsRequest.essentialAcr(BOTH)).isEmpty();
        assertThat(ClaimsRequest.essentialAcr("{\"userinfo\":{\"acr\":{\"essential\":true,\"value\":\"a\"}}}")).isEmpty();
        assertThat(ClaimsRequest.essentialAcr(null)).isEmpty();
    }
}
