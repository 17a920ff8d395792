package dev.tessera.oauth;

import static dev.tessera.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceIndicatorsTest {

    @Test
    void absoluteUrisWithoutFragmentAreAccepted() {
        assertThatCode(() -> ResourceIndicators.validate(List.of("https://api.example.com",
                "https://api.example.com/v1?tenant=a", "urn:example:resource", "http://127.0.0.1:9000/")))
                .doesNotThrowAnyException();
        assertThatCode(() -> ResourceIndicators.validate(List.of())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api", "api.example.com", "//api.example.com/x", "", "https://api.example.com/#frag",
            "https://api.example.com#", "urn:x#y", "https://exa mple.com/", "https://api.example.com/%zz"})
    void relativeFragmentOrUnparsableUrisAreInvalidTarget(String resource) {
        assertOAuthError(OAuthError.INVALID_TARGET, () -> ResourceIndicators.validate(List.of(resource)))
                .hasMessageContaining("RFC 8707");
    }

    @Test
    void oneBadValueAmongGoodOnesIsEnough() {
        assertOAuthError(OAuthError.INVALID_TARGET,
                () -> ResourceIndicators.validate(List.of("https://a.example", "https://b.example#x")));
    }
}
