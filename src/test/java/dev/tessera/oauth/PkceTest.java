package dev.tessera.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7636: S256 and plain, and the verifier's form (§4.1). */
class PkceTest {
    /** RFC 7636 Appendix B. */
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void s256MatchesTheAppendixBTestVector() {
        assertThat(Pkce.s256(VERIFIER)).isEqualTo(CHALLENGE);
    }

    @Test
    void theS256VerifierMatchesItsChallengeAndNoOther() {
        assertThat(Pkce.matches(VERIFIER, CHALLENGE, Pkce.S256)).isTrue();
        assertThat(Pkce.matches(VERIFIER.replace('d', 'e'), CHALLENGE, Pkce.S256)).isFalse();
        assertThat(Pkce.matches(VERIFIER, CHALLENGE.replace('E', 'F'), Pkce.S256)).isFalse();
        // Sending the challenge itself as the verifier proves nothing.
        assertThat(Pkce.matches(CHALLENGE, CHALLENGE, Pkce.S256)).isFalse();
    }

    @Test
    void plainComparesTheVerifierItself() {
        assertThat(Pkce.matches(VERIFIER, VERIFIER, Pkce.PLAIN)).isTrue();
        assertThat(Pkce.matches(VERIFIER, CHALLENGE, Pkce.PLAIN)).isFalse();
        assertThat(Pkce.matches(VERIFIER, VERIFIER, Pkce.S256)).isFalse();
    }

    @Test
    void anyMethodButPlainIsS256() {
        assertThat(Pkce.matches(VERIFIER, CHALLENGE, null)).isTrue();
        assertThat(Pkce.matches(VERIFIER, VERIFIER, null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk=",
            "dBjftJeZ4CVP+mB92K27uhbUJU1p1r/wW1gFWFOEjXk", "dBjftJeZ4CVP mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXé"})
    void aMalformedVerifierNeverMatchesEvenWhenPlainWouldAgree(String verifier) {
        assertThat(Pkce.wellFormed(verifier)).isFalse();
        assertThat(Pkce.matches(verifier, verifier, Pkce.PLAIN)).isFalse();
        assertThat(Pkce.matches(verifier, Pkce.s256(verifier), Pkce.S256)).isFalse();
    }

    @Test
    void theVerifierIs43To128UnreservedCharacters() {
        assertThat(Pkce.wellFormed(null)).isFalse();
        assertThat(Pkce.wellFormed("a".repeat(42))).isFalse();
        assertThat(Pkce.wellFormed("a".repeat(43))).isTrue();
        assertThat(Pkce.wellFormed("a".repeat(128))).isTrue();
        assertThat(Pkce.wellFormed("a".repeat(129))).isFalse();
        assertThat(Pkce.wellFormed("AZaz09-._~".repeat(5))).isTrue();
        String longest = "Zz9-._~".repeat(19).substring(0, 128);
        assertThat(Pkce.matches(longest, Pkce.s256(longest), Pkce.S256)).isTrue();
    }
}
