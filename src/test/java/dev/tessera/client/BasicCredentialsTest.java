package dev.tessera.client;

import static dev.tessera.client.ClientFixtures.basic;
import static dev.tessera.oauth.OAuthAssertions.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {

    @Test
    void decodesBase64ThenFormDecodesBothHalves() {
        // RFC 6749 §2.3.1: id "a:b" and secret "p w+x" are form-encoded before base64.
        BasicCredentials credentials = BasicCredentials.parse(basic("a%3Ab", "p+w%2Bx"));

        assertThat(credentials.clientId()).isEqualTo("a:b");
        assertThat(credentials.secret()).isEqualTo("p w+x");
    }

    @Test
    void onlyTheFirstColonSeparatesTheHalves() {
        BasicCredentials credentials = BasicCredentials.parse(basic("client", "se:cr:et"));

        assertThat(credentials.clientId()).isEqualTo("client");
        assertThat(credentials.secret()).isEqualTo("se:cr:et");
    }

    @Test
    void percentEncodedUtf8IsDecoded() {
        assertThat(BasicCredentials.parse(basic("caf%C3%A9", "%E2%82%AC")))
                .isEqualTo(new BasicCredentials("caf\u00e9", "\u20ac"));
    }

    @Test
    void theSchemeIsCaseInsensitiveAndSurroundingSpaceIsIgnored() {
        String encoded = Base64.getEncoder().encodeToString("id:secret".getBytes(StandardCharsets.UTF_8));

        assertThat(BasicCredentials.parse("bAsIc " + encoded + "  ")).isEqualTo(new BasicCredentials("id", "secret"));
    }

    @Test
    void anEmptySecretIsKeptEmpty() {
        assertThat(BasicCredentials.parse(basic("id", ""))).isEqualTo(new BasicCredentials("id", ""));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Bearer abc", "Digest username=x", "Basicabc"})
    void anAbsentOrOtherSchemeIsNoBasicCredentials(String header) {
        assertThat(BasicCredentials.parse(header)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic !!!!", "Basic aWQ6c2VjcmV0!", "Basic a", "Basic aWQ6 c2VjcmV0"})
    void malformedBase64IsInvalidClientWithAChallenge(String header) {
        assertMalformed(header);
    }

    @Test
    void withoutAColonItIsMalformed() {
        assertMalformed("Basic " + Base64.getEncoder().encodeToString("justanid".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEmptyClientIdIsMalformed() {
        assertMalformed(basic("", "secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%zz", "a%", "%C3%28", "caf\u00e9"})
    void badOrMissingFormEncodingInEitherHalfIsInvalidClientNotInvalidRequest(String bad) {
        assertMalformed(basic(bad, "secret"));
        assertMalformed(basic("id", bad));
    }

    private static void assertMalformed(String header) {
        OAuthException e = thrown(OAuthError.INVALID_CLIENT, () -> BasicCredentials.parse(header));
        assertThat(e.description()).isEqualTo("The Basic Authorization header is malformed");
        assertThat(e.headers()).containsEntry("WWW-Authenticate", ClientAuthenticator.BASIC_CHALLENGE);
        assertThat(ClientAuthenticator.BASIC_CHALLENGE).startsWith("Basic ");
    }
}
