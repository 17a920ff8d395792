package dev.tessera.token;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 6749 §5.1. */
class TokenResponseTest {

    @Test
    void anAccessOnlyResponseHasTheFourMembers() {
        JsonObject json = parse(TokenResponse.accessOnly(
                new IssuedAccessToken("tok.en.value", "jti-1", 600, new LinkedHashSet<>(List.of("read", "write")))).toJson());

        assertThat(json.keySet()).containsExactlyInAnyOrder("access_token", "token_type", "expires_in", "scope");
        assertThat(json.getString("access_token")).isEqualTo("tok.en.value");
        assertThat(json.getString("token_type")).isEqualTo("Bearer");
        assertThat(json.getJsonNumber("expires_in").isIntegral()).isTrue();
        assertThat(json.getJsonNumber("expires_in").longValueExact()).isEqualTo(600);
        assertThat(json.getString("scope")).isEqualTo("read write");
    }

    @Test
    void theJtiIsNotInTheResponse() {
        String json = TokenResponse.accessOnly(new IssuedAccessToken("v", "secret-jti", 60, Set.of("a"))).toJson();
        assertThat(json).doesNotContain("secret-jti");
    }

    @Test
    void anEmptyScopeIsLeftOut() {
        JsonObject json = parse(new TokenResponse("v", 60, Set.of(), null, null).toJson());
        assertThat(json.keySet()).containsExactlyInAnyOrder("access_token", "token_type", "expires_in");
    }

    @Test
    void refreshAndIdTokensAppearWhenPresent() {
        JsonObject json = parse(new TokenResponse("v", 60, Set.of("openid"), "r-1", "id.to.ken").toJson());

        assertThat(json.getString("refresh_token")).isEqualTo("r-1");
        assertThat(json.getString("id_token")).isEqualTo("id.to.ken");
        assertThat(json.getString("scope")).isEqualTo("openid");
    }

    @Test
    void valuesAreJsonEscaped() {
        JsonObject json = parse(new TokenResponse("a\"b\\c", 1, Set.of("x"), null, null).toJson());
        assertThat(json.getString("access_token")).isEqualTo("a\"b\\c");
    }

    @Test
    void aTokenExchangeResponseNamesTheIssuedTokenType() {
        JsonObject json = parse(new TokenResponse("v", 60, Set.of(), null, null)
                .withIssuedTokenType("urn:ietf:params:oauth:token-type:jwt").toJson());

        // RFC 8693 §2.2.1: issued_token_type "REQUIRED"; token_type stays Bearer for an access token.
        assertThat(json.getString("issued_token_type")).isEqualTo("urn:ietf:params:oauth:token-type:jwt");
        assertThat(json.getString("token_type")).isEqualTo("Bearer");
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
