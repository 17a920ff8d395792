package dev.tessera.oauth;

import static dev.tessera.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopesTest {

    @Test
    void parsesSpaceDelimitedValuesInOrder() {
        assertThat(Scopes.parse("openid profile email")).containsExactly("openid", "profile", "email");
    }

    @Test
    void duplicatesCollapseAndExtraSpacesAreIgnored() {
        assertThat(Scopes.parse("  a  b a   c b ")).containsExactly("a", "b", "c");
    }

    @Test
    void valuesAreCaseSensitive() {
        assertThat(Scopes.parse("Read read READ")).containsExactly("Read", "read", "READ");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "    "})
    void anAbsentOrEmptyScopeIsTheEmptySet(String scope) {
        assertThat(Scopes.parse(scope)).isEmpty();
    }

    @Test
    void acceptsEveryCharacterOfTheRfc6749Set() {
        // scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
        StringBuilder all = new StringBuilder();
        for (char c = 0x21; c <= 0x7E; c++) {
            if (c != '"' && c != '\\') {
                all.append(c);
            }
        }
        assertThat(Scopes.parse(all.toString())).containsExactly(all.toString());
        assertThat(Scopes.parse("https://api.example.com/read urn:x:y! {a}[b]~"))
                .containsExactly("https://api.example.com/read", "urn:x:y!", "{a}[b]~");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\"b", "a\\b", "read\twrite", "a\nb", "caf\u00e9", "a\u0000", "x\u007F", "ok bad\u00a0"})
    void refusesCharactersOutsideTheRfc6749Set(String scope) {
        assertOAuthError(OAuthError.INVALID_SCOPE, () -> Scopes.parse(scope));
    }

    @Test
    void formatJoinsWithSingleSpacesAndRoundTrips() {
        assertThat(Scopes.format(List.of("a", "b", "c"))).isEqualTo("a b c");
        assertThat(Scopes.format(List.of())).isEmpty();
        assertThat(Scopes.parse(Scopes.format(Scopes.of("x", "y")))).containsExactly("x", "y");
    }

    @Test
    void ofKeepsOrderAndDropsDuplicates() {
        assertThat(Scopes.of("b", "a", "b")).containsExactly("b", "a");
    }
}
