package dev.tessera.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InitialAccessTokenRequestTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void emptyBodyMeansOneUseAndTheConfiguredLifetime() {
        InitialAccessTokenRequest request = InitialAccessTokenRequest.fromJson(json("{}"));

        assertThat(request.uses()).isEqualTo(1);
        assertThat(request.lifetime()).isEmpty();
    }

    @Test
    void readsExpiresInAndUses() {
        InitialAccessTokenRequest request = InitialAccessTokenRequest.fromJson(json("{\"expires_in\": 600, \"uses\": 5, \"other\": 1}"));

        assertThat(request.lifetime()).contains(Duration.ofMinutes(10));
        assertThat(request.uses()).isEqualTo(5);
    }

    @Test
    void nullMembersTakeTheDefaults() {
        InitialAccessTokenRequest request = InitialAccessTokenRequest.fromJson(json("{\"expires_in\": null, \"uses\": null}"));

        assertThat(request.uses()).isEqualTo(1);
        assertThat(request.lifetime()).isEmpty();
    }

    @Test
    void refusesValuesOutOfRangeOrOfTheWrongType() {
        for (String body : new String[] {"{\"uses\": 0}", "{\"uses\": -1}", "{\"uses\": 1.5}", "{\"uses\": \"2\"}",
                "{\"uses\": 1000001}", "{\"uses\": 18446744073709551617}", "{\"expires_in\": 0}", "{\"expires_in\": 31622401}", "{\"expires_in\": true}"}) {
            assertThatThrownBy(() -> InitialAccessTokenRequest.fromJson(json(body))).as(body)
                    .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error()).isEqualTo(OAuthError.INVALID_REQUEST));
        }
    }
}
