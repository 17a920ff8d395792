package dev.tessera.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormParametersTest {
    private static final Set<String> REPEATABLE = Set.of(OAuthParameters.RESOURCE);

    @Test
    void readsNamesAndValuesInOrder() {
        FormParameters form = FormParameters.parse("grant_type=client_credentials&scope=a+b", REPEATABLE);

        assertThat(form.names()).containsExactly("grant_type", "scope");
        assertThat(form.get("grant_type")).contains("client_credentials");
        assertThat(form.require("scope")).isEqualTo("a b");
        assertThat(form.has("client_id")).isFalse();
        assertThat(form.get("client_id")).isEmpty();
        assertThat(form.all("client_id")).isEmpty();
    }

    @Test
    void aRepeatedParameterIsInvalidRequest() {
        assertInvalidRequest(() -> FormParameters.parse("scope=a&grant_type=x&scope=b", REPEATABLE))
                .hasMessageContaining("'scope'");
    }

    @Test
    void aRepeatedParameterIsRefusedEvenWithTheSameValue() {
        assertInvalidRequest(() -> FormParameters.parse("client_id=c&client_id=c", REPEATABLE));
    }

    @Test
    void aRepeatableParameterKeepsEveryValueInOrder() {
        FormParameters form = FormParameters.parse("resource=https%3A%2F%2Fa.example&resource=https://b.example", REPEATABLE);

        assertThat(form.all("resource")).containsExactly("https://a.example", "https://b.example");
        assertThat(form.get("resource")).contains("https://a.example");
    }

    @Test
    void onlyTheGivenParametersAreRepeatable() {
        assertInvalidRequest(() -> FormParameters.parse("resource=a:b&resource=c:d", Set.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_id=a%00b", "state=%00", "a%00=x", "client_id=a\0b"})
    void nulAnywhereIsInvalidRequest(String body) {
        assertInvalidRequest(() -> FormParameters.parse(body, REPEATABLE)).hasMessageContaining("U+0000");
        assertInvalidRequest(() -> FormParameters.parseAll(body)).hasMessageContaining("U+0000");
    }

    @Test
    void emptyValuesAreTreatedAsAbsent() {
        FormParameters form = FormParameters.parse("scope=&client_id&&state=s&scope=x", REPEATABLE);

        assertThat(form.has("client_id")).isFalse();
        assertThat(form.get("scope")).contains("x");
        assertThat(form.names()).containsExactly("state", "scope");
        assertInvalidRequest(() -> form.require("client_id")).hasMessageContaining("client_id");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "&", "&&&"})
    void anEmptyBodyHasNoParameters(String body) {
        assertThat(FormParameters.parse(body, REPEATABLE).names()).isEmpty();
    }

    @Test
    void decodesPlusAndPercentEscapesInNamesAndValues() {
        FormParameters form = FormParameters.parse("redirect%5Furi=https%3A%2F%2Fc.example%2Fcb%3Fa%3D1%26b%3D2"
                + "&x=%C3%A9t%C3%A9+%E2%82%AC&plus=%2B", REPEATABLE);

        assertThat(form.get("redirect_uri")).contains("https://c.example/cb?a=1&b=2");
        assertThat(form.get("x")).contains("été €");
        assertThat(form.get("plus")).contains("+");
    }

    @Test
    void anEqualsSignInAValueIsKept() {
        assertThat(FormParameters.parse("a=b=c", REPEATABLE).get("a")).contains("b=c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%zz", "a=b%", "a=%4", "a=x%4g", "a=%C3%28", "a=%FF", "a=%E2%82", "%zz=b",
            "a=\u00e9", "a=caf\u00e9", "\u00e9=b", "a=\u00e9+x"})
    void malformedEscapesInvalidUtf8AndRawNonAsciiAreInvalidRequest(String body) {
        assertInvalidRequest(() -> FormParameters.parse(body, REPEATABLE))
                .hasMessageContaining("application/x-www-form-urlencoded");
    }

    @Test
    void decodeComponentDecodesLikeTheBody() {
        assertThat(FormParameters.decodeComponent("a%3Ab+c%2B")).isEqualTo("a:b c+");
        assertThat(FormParameters.decodeComponent("plain-value_1.~")).isEqualTo("plain-value_1.~");
        assertInvalidRequest(() -> FormParameters.decodeComponent("%"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8",
            "Application/X-WWW-Form-URLEncoded"})
    void fromPostAcceptsTheFormContentType(String contentType) {
        assertThat(FormParameters.fromPost(contentType, "a=b", REPEATABLE).get("a")).contains("b");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "application/json", "text/plain", "multipart/form-data; boundary=x"})
    void fromPostRefusesAnyOtherContentType(String contentType) {
        assertInvalidRequest(() -> FormParameters.fromPost(contentType, "a=b", REPEATABLE));
    }

    @Test
    void fromPostStillRefusesRepeats() {
        assertInvalidRequest(() -> FormParameters.fromPost("application/x-www-form-urlencoded", "a=1&a=2", REPEATABLE));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalidRequest(ThrowingCallable call) {
        return OAuthAssertions.assertOAuthError(OAuthError.INVALID_REQUEST, call);
    }
}
