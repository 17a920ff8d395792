package dev.tessera.authorize;

import static dev.tessera.authorize.AuthorizeFixtures.CB;
import static dev.tessera.authorize.AuthorizeFixtures.STATE;
import static dev.tessera.authorize.AuthorizeFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tessera.client.ClientAuthMethod;
import dev.tessera.oauth.OAuthError;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Phase one: client_id and redirect_uri. Its errors are shown on a page, never redirected (RFC 6749 §4.1.2.1). */
class ClientVerificationTest {
    private final AuthorizeFixtures f = new AuthorizeFixtures();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "code|code", "id_token|id_token", "token|token", "code id_token|code id_token", "id_token code|code id_token",
            "token id_token|id_token token", "token id_token code|code id_token token", "id_token token code|code id_token token",
            "'  code   id_token '|code id_token", "code token|code token", "token code|code token"})
    void normaliseOrdersTheValuesCanonically(String given, String normalised) {
        assertThat(ClientVerification.normalise(given)).isEqualTo(normalised);
    }

    @Test
    void normaliseKeepsWhatItDoesNotKnowSoTheChecksCanRefuseIt() {
        assertThat(ClientVerification.normalise(null)).isNull();
        assertThat(ClientVerification.normalise("none")).isEqualTo("none");
        assertThat(ClientVerification.normalise("code bogus")).isEqualTo("bogus code");
        assertThat(ClientVerification.normalise("code code")).isEqualTo("code code");
        assertThat(ClientVerification.normalise("Code")).isEqualTo("Code");
    }

    @Test
    void aKnownClientAndRegisteredRedirectUriGiveTheTargetForLaterErrors() {
        VerifiedClient verified = f.verify(query());
        assertThat(verified.client().clientId()).isEqualTo("web");
        assertThat(verified.redirectUri()).isEqualTo(CB);
        assertThat(verified.redirectUriGiven()).isTrue();
        assertThat(verified.target()).isEqualTo(new RedirectTarget(verified.client().clientId(), CB, STATE, ResponseMode.QUERY));
    }

    @Test
    void theTargetUsesTheRequestedOrDefaultResponseMode() {
        assertThat(f.verify(query("response_type=id_token code")).target().mode()).isEqualTo(ResponseMode.FRAGMENT);
        assertThat(f.verify(query("response_mode=form_post")).target().mode()).isEqualTo(ResponseMode.FORM_POST);
        assertThat(f.verify(query("response_mode=bogus")).target().mode()).isEqualTo(ResponseMode.QUERY);
        assertThat(f.verify(query("-response_type")).target().mode()).isEqualTo(ResponseMode.QUERY);
    }

    @Test
    void aRepeatedStateIsNotEchoed() {
        assertThat(f.verify(query("+state=other")).target().state()).isNull();
        assertThat(f.verify(query("-state")).target().state()).isNull();
    }

    @Test
    void theOnlyRegisteredRedirectUriMayBeOmitted() {
        VerifiedClient verified = f.verify(query("-redirect_uri"));
        assertThat(verified.redirectUri()).isEqualTo(CB);
        assertThat(verified.redirectUriGiven()).isFalse();

        f.clients.get("web").redirectUris(Set.of(CB, "https://rp.example.com/other"));
        assertThat(pageError(query("-redirect_uri"))).isEqualTo("redirect_uri is required for this client");
    }

    @Test
    void aLoopbackClientMayNameItsPort() {
        f.client("native", ClientAuthMethod.NONE, c -> c.redirectUris(Set.of("http://127.0.0.1/cb")));
        assertThat(f.verify(query("client_id=native", "redirect_uri=http://127.0.0.1:61000/cb")).redirectUri())
                .isEqualTo("http://127.0.0.1:61000/cb");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-client_id", "client_id=nobody", "+client_id=web", "+redirect_uri=" + CB,
            "redirect_uri=https://rp.example.com/cb/", "redirect_uri=https://evil.example/cb", "redirect_uri=https://rp.example.com/cb?x=1"})
    void everyPhaseOneErrorIsShownAndNotRedirected(String change) {
        assertThat(pageError(query(change))).isNotBlank();
    }

    @Test
    void aDisabledClientIsUnknown() {
        f.clients.get("web").enabled(false);
        assertThat(pageError(query())).isEqualTo("Unknown client");
    }

    private String pageError(String query) {
        AuthorizeException e = catchThrowableOfType(AuthorizeException.class, () -> f.verify(query));
        assertThat(e).isNotNull();
        assertThat(e.error()).isEqualTo(OAuthError.INVALID_REQUEST);
        assertThat(e.target()).isNull();
        return e.description();
    }
}
