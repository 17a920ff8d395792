package dev.tessera.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void noOrNonBearerAuthorizationMeansNoToken() {
        assertThat(BearerToken.parse(null)).isNull();
        assertThat(BearerToken.parse("Basic dXNlcjpwYXNz")).isNull();
        assertThat(BearerToken.parse("Bearer")).isNull();
    }

    @Test
    void schemeIsCaseInsensitiveAndSurroundingSpaceIgnored() {
        assertThat(BearerToken.parse("Bearer abc-DEF_123.~+/==")).isEqualTo("abc-DEF_123.~+/==");
        assertThat(BearerToken.parse("bearer   tok ")).isEqualTo("tok");
    }

    @Test
    void tokenOutsideTheB64TokenSyntaxIsInvalidNotMissing() {
        for (String header : new String[] {"Bearer a b", "Bearer a\"b", "Bearer ", "Bearer " + "x".repeat(600)}) {
            assertThatThrownBy(() -> BearerToken.parse(header)).as(header)
                    .isInstanceOfSatisfying(OAuthException.class, e -> {
                        assertThat(e.error()).isEqualTo(OAuthError.INVALID_TOKEN);
                        assertThat(e.headers().get("WWW-Authenticate")).contains("error=\"invalid_token\"");
                    });
        }
    }

    @Test
    void missingCredentialsChallengeCarriesNoErrorCode() {
        OAuthException missing = BearerToken.missing("needed");

        assertThat(missing.error()).isEqualTo(OAuthError.INVALID_TOKEN);
        assertThat(missing.error().status()).isEqualTo(401);
        assertThat(missing.headers().get("WWW-Authenticate")).isEqualTo(BearerToken.CHALLENGE).startsWith("Bearer ");
    }
}
