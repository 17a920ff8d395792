package dev.tessera.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OAuthErrorTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "400, INVALID_REQUEST",
        "401, INVALID_TOKEN",
        "403, FORBIDDEN",
        "404, NOT_FOUND",
        "405, METHOD_NOT_ALLOWED",
        "406, NOT_ACCEPTABLE",
        "409, CONFLICT",
        "413, REQUEST_TOO_LARGE",
        "415, UNSUPPORTED_MEDIA_TYPE",
        "429, INVALID_REQUEST",
        "431, HEADERS_TOO_LARGE",
        "500, SERVER_ERROR",
        "501, METHOD_NOT_ALLOWED",
        "502, SERVER_ERROR",
        "503, TEMPORARILY_UNAVAILABLE",
        "504, SERVER_ERROR",
    })
    void mapsABareHttpStatusToItsError(int status, OAuthError expected) {
        assertThat(OAuthError.forHttpStatus(status)).isEqualTo(expected);
    }

    @Test
    void transportErrorsMapBackToThemselves() {
        for (OAuthError error : new OAuthError[] {OAuthError.FORBIDDEN, OAuthError.NOT_FOUND, OAuthError.METHOD_NOT_ALLOWED,
                OAuthError.NOT_ACCEPTABLE, OAuthError.CONFLICT, OAuthError.REQUEST_TOO_LARGE, OAuthError.UNSUPPORTED_MEDIA_TYPE,
                OAuthError.HEADERS_TOO_LARGE, OAuthError.SERVER_ERROR, OAuthError.TEMPORARILY_UNAVAILABLE}) {
            assertThat(OAuthError.forHttpStatus(error.status())).isEqualTo(error);
        }
    }

    @Test
    void theRfcCodesCarryTheirSpecifiedStatus() {
        assertThat(OAuthError.INVALID_REQUEST.status()).isEqualTo(400);
        assertThat(OAuthError.INVALID_CLIENT.status()).isEqualTo(401);
        assertThat(OAuthError.INVALID_GRANT.status()).isEqualTo(400);
        assertThat(OAuthError.UNAUTHORIZED_CLIENT.status()).isEqualTo(400);
        assertThat(OAuthError.UNSUPPORTED_GRANT_TYPE.status()).isEqualTo(400);
        assertThat(OAuthError.INVALID_SCOPE.status()).isEqualTo(400);
        assertThat(OAuthError.INVALID_TOKEN.status()).isEqualTo(401);
        assertThat(OAuthError.INSUFFICIENT_SCOPE.status()).isEqualTo(403);
        // RFC 8628 §3.5 codes are token endpoint errors: RFC 6749 §5.2's 400, access_denied included.
        assertThat(OAuthError.ACCESS_DENIED.status()).isEqualTo(400);
        assertThat(OAuthError.AUTHORIZATION_PENDING.status()).isEqualTo(400);
        assertThat(OAuthError.SLOW_DOWN.status()).isEqualTo(400);
        assertThat(OAuthError.EXPIRED_TOKEN.status()).isEqualTo(400);
        assertThat(OAuthError.INVALID_CLIENT.code()).isEqualTo("invalid_client");
        assertThat(OAuthError.HEADERS_TOO_LARGE.code()).isEqualTo("request_header_fields_too_large");
    }

    @Test
    void codesAreUniqueAndEveryStatusIsAnError() {
        assertThat(Arrays.stream(OAuthError.values()).map(OAuthError::code)).doesNotHaveDuplicates();
        assertThat(OAuthError.values()).allSatisfy(e -> assertThat(e.status()).isBetween(400, 599));
    }
}
