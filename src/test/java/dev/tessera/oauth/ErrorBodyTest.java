package dev.tessera.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorBodyTest {

    @Test
    void writesErrorAndDescriptionAsTheOnlyMembers() {
        JsonObject body = parse(ErrorBody.json(OAuthError.INVALID_GRANT, "The code has expired"));

        assertThat(body.keySet()).containsExactly("error", "error_description");
        assertThat(body.getString("error")).isEqualTo("invalid_grant");
        assertThat(body.getString("error_description")).isEqualTo("The code has expired");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void leavesOutAMissingOrBlankDescription(String description) {
        JsonObject body = parse(ErrorBody.json(OAuthError.SERVER_ERROR, description));

        assertThat(body.keySet()).containsExactly("error");
        assertThat(body.getString("error")).isEqualTo("server_error");
    }

    @Test
    void aDescriptionCannotInjectMembers() {
        String hostile = "x\", \"error\": \"access_denied\", \"y\": \"\\";

        JsonObject body = parse(ErrorBody.json(OAuthError.INVALID_REQUEST, hostile));

        assertThat(body.keySet()).containsExactly("error", "error_description");
        assertThat(body.getString("error")).isEqualTo("invalid_request");
        assertThat(body.getString("error_description")).isEqualTo("x?, ?error?: ?access_denied?, ?y?: ??");
    }

    @Test
    void sanitizeKeepsExactlyTheRfc6749CharacterSet() {
        // RFC 6749 §5.2: error_description = 1*( %x20-21 / %x23-5B / %x5D-7E )
        for (char c = 0; c < 0x200; c++) {
            boolean allowed = (c >= 0x20 && c <= 0x21) || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
            String expected = allowed ? String.valueOf(c) : c == '\u00A7' ? "section " : "?";
            assertThat(ErrorBody.sanitize(String.valueOf(c))).as("U+%04X", (int) c).isEqualTo(expected);
        }
    }

    @Test
    void sanitizeReplacesEachForbiddenCharacterAndKeepsTheRest() {
        assertThat(ErrorBody.sanitize("Bad \"redirect_uri\"\r\nC:\\path é ok"))
                .isEqualTo("Bad ?redirect_uri???C:?path ? ok");
        assertThat(ErrorBody.sanitize("scope=openid profile; [x]~{y}")).isEqualTo("scope=openid profile; [x]~{y}");
        assertThat(ErrorBody.sanitize("\uD83D\uDE00")).isEqualTo("??");
    }

    @Test
    void anOAuthExceptionCarriesTheSanitisedDescriptionWhereverItIsWritten() {
        OAuthException e = new OAuthException(OAuthError.INVALID_REQUEST, "bad\r\nX-Injected: \"x\"");

        assertThat(e.description()).isEqualTo("bad??X-Injected: ?x?");
        assertThat(e.withHeader("WWW-Authenticate", "Basic").description()).isEqualTo("bad??X-Injected: ?x?");
        assertThat(ErrorBody.sanitize(null)).isNull();
        assertThat(new OAuthException(OAuthError.INVALID_REQUEST, "see RFC 6749 \u00A75.2").description()).isEqualTo("see RFC 6749 section 5.2");
    }

    @Test
    void everyErrorCodeIsInTheRfc6749CharacterSet() {
        for (OAuthError error : OAuthError.values()) {
            assertThat(error.code()).matches("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+");
            assertThat(parse(ErrorBody.json(error, null)).getString("error")).isEqualTo(error.code());
        }
    }

    static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
