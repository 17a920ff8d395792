package dev.tessera.authorize;

import static dev.tessera.authorize.AuthorizeFixtures.API;
import static dev.tessera.authorize.AuthorizeFixtures.CHALLENGE;
import static dev.tessera.authorize.AuthorizeFixtures.VERIFIER;
import static dev.tessera.authorize.AuthorizeFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.oauth.OAuthError;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Phase two, second half: PKCE, nonce, prompt, max_age, display, claims and resource. */
class AuthorizeChecksParametersTest {
    private final AuthorizeFixtures f = new AuthorizeFixtures();

    @Test
    void aPublicClientMustSendAChallengeEvenWithANonce() {
        String without = query("client_id=spa", "-code_challenge", "-code_challenge_method");
        assertThat(f.refused(without, OAuthError.INVALID_REQUEST).description()).contains("code_challenge is required", "public clients");
        assertThat(f.validate(query("client_id=spa")).codeChallenge()).isEqualTo(CHALLENGE);
    }

    @Test
    void aConfidentialRequirePkceClientMaySendANonceInAnOpenIdRequestInstead() {
        String without = query("client_id=strict", "-code_challenge", "-code_challenge_method");
        AuthorizationRequest withNonce = f.validate(without);
        assertThat(withNonce.codeChallenge()).isNull();
        assertThat(withNonce.nonce()).isEqualTo("n-1");
        // RFC 9700 §2.1.1: nonce replaces PKCE only for OpenID Connect: without openid, or without a nonce, PKCE is required.
        assertThat(f.refused(query("client_id=strict", "-code_challenge", "-code_challenge_method", "-nonce"), OAuthError.INVALID_REQUEST)
                .description()).contains("code_challenge is required", "nonce");
        f.refused(query("client_id=strict", "-code_challenge", "-code_challenge_method", "scope=profile"), OAuthError.INVALID_REQUEST);
        assertThat(f.validate(query("client_id=strict")).codeChallenge()).isEqualTo(CHALLENGE);
    }

    @Test
    void aConfidentialClientWithoutRequirePkceMayLeaveItOut() {
        AuthorizationRequest request = f.validate(query("-code_challenge", "-code_challenge_method", "-nonce"));
        assertThat(request.codeChallenge()).isNull();
        assertThat(request.codeChallengeMethod()).isNull();
        f.refused(query("-code_challenge"), OAuthError.INVALID_REQUEST);
    }

    @Test
    void pkceIsOnlyRequiredWhereACodeIsIssued() {
        assertThat(f.validate(query("client_id=spa", "response_type=id_token token", "-code_challenge", "-code_challenge_method"))
                .codeChallenge()).isNull();
    }

    @Test
    void plainIsRefusedUnlessTheClientAllowsIt() {
        f.refused(query("code_challenge=" + VERIFIER, "code_challenge_method=plain"), OAuthError.INVALID_REQUEST);
        // RFC 7636 §4.3: without a method the challenge is plain.
        f.refused(query("code_challenge=" + VERIFIER, "-code_challenge_method"), OAuthError.INVALID_REQUEST);
        AuthorizationRequest plain = f.validate(query("client_id=legacy", "code_challenge=" + VERIFIER, "-code_challenge_method"));
        assertThat(plain.codeChallenge()).isEqualTo(VERIFIER);
        assertThat(plain.codeChallengeMethod()).isEqualTo("plain");
        assertThat(f.validate(query("client_id=legacy")).codeChallengeMethod()).isEqualTo("S256");
    }

    @ParameterizedTest
    @ValueSource(strings = {"S512", "s256", "PLAIN", "none"})
    void anUnknownMethodIsRefused(String method) {
        f.refused(query("client_id=legacy", "code_challenge_method=" + method), OAuthError.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM=",
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw/cM"})
    void aMalformedChallengeIsRefused(String challenge) {
        assertThat(f.refused(query("code_challenge=" + challenge), OAuthError.INVALID_REQUEST).description()).contains("43 to 128");
    }

    @Test
    void aChallengeOfTheLongestLengthIsAccepted() {
        assertThat(f.validate(query("code_challenge=" + "a".repeat(128))).codeChallenge()).hasSize(128);
        f.refused(query("code_challenge=" + "a".repeat(129)), OAuthError.INVALID_REQUEST);
    }

    @Test
    void nonceIsRequiredWhenTheIdTokenComesFromThisEndpoint() {
        assertThat(f.refused(query("response_type=code id_token", "-nonce"), OAuthError.INVALID_REQUEST).description()).contains("nonce");
        f.refused(query("response_type=id_token token", "-nonce"), OAuthError.INVALID_REQUEST);
        assertThat(f.validate(query("-nonce")).nonce()).isNull();
        assertThat(f.validate(query("response_type=code id_token")).nonce()).isEqualTo("n-1");
    }

    @Test
    void promptValues() {
        assertThat(f.validate(query("prompt=none")).prompt()).containsExactly("none");
        assertThat(f.validate(query("prompt=login consent select_account")).prompt()).containsExactly("login", "consent", "select_account");
        assertThat(f.refused(query("prompt=none login"), OAuthError.INVALID_REQUEST).description()).contains("cannot be combined");
        assertThat(f.refused(query("prompt=consent none"), OAuthError.INVALID_REQUEST).description()).contains("cannot be combined");
        assertThat(f.refused(query("prompt=create"), OAuthError.INVALID_REQUEST).description()).contains("Unknown prompt");
        f.refused(query("prompt=Login"), OAuthError.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"log\"in", "login\\", "l\u00e9gin", "none\u0001"})
    void aPromptWithCharactersNoValueHasIsAnInvalidRequestForTheClient(String prompt) {
        assertThat(f.refused(query("prompt=" + prompt), OAuthError.INVALID_REQUEST).description()).contains("prompt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0x1", "ten", "1.5", "1e3", "99999999999999999999"})
    void maxAgeMustBeANonNegativeNumber(String value) {
        assertThat(f.refused(query("max_age=" + value), OAuthError.INVALID_REQUEST).description()).contains("max_age");
    }

    @Test
    void maxAgeZeroAndLargeValuesAreKept() {
        assertThat(f.validate(query("max_age=0")).maxAge()).isZero();
        assertThat(f.validate(query("max_age=86400")).maxAge()).isEqualTo(86400L);
        assertThat(f.validate(query("max_age=" + Long.MAX_VALUE)).maxAge()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void displayMustBeAKnownValue() {
        for (String display : AuthorizeChecks.DISPLAYS) {
            assertThat(f.validate(query("display=" + display))).isNotNull();
        }
        f.refused(query("display=fullscreen"), OAuthError.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "[]", "\"text\"", "42", "{\"id_token\":[]}", "{\"userinfo\":\"email\"}", "{\"id_token\":1}"})
    void claimsMustBeAJsonObjectOfObjects(String claims) {
        assertThat(f.refused(query("claims=" + claims), OAuthError.INVALID_REQUEST).description()).contains("claims");
    }

    @Test
    void validClaimsAreKeptAsSent() {
        String claims = "{\"id_token\":{\"email\":{\"essential\":true}},\"userinfo\":null,\"other\":1}";
        assertThat(f.validate(query("claims=" + claims)).claims()).isEqualTo(claims);
    }

    @Test
    void resourcesMustBeAbsoluteAndAllowedForTheClient() {
        assertThat(f.validate(query("resource=" + API)).resources()).containsExactly(API);
        assertThat(f.refused(query("resource=https://other.example"), OAuthError.INVALID_TARGET).description()).contains("https://other.example");
        f.refused(query("resource=" + API, "+resource=https://other.example"), OAuthError.INVALID_TARGET);
        f.refused(query("resource=/relative"), OAuthError.INVALID_TARGET);
        f.refused(query("resource=" + API + "#frag"), OAuthError.INVALID_TARGET);
        f.clients.get("web").allowedResources(Set.of());
        f.refused(query("resource=" + API), OAuthError.INVALID_TARGET);
    }
}
