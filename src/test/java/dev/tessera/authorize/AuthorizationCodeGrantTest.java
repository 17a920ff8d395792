package dev.tessera.authorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.http.FixedRequestContext;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.token.TokenRequest;
import dev.tessera.token.GrantFakes;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The code grant's steps: redemption outcomes, client binding, redirect URI, PKCE, the user. */
class AuthorizationCodeGrantTest {
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    final GrantFakes fakes = new GrantFakes();
    final AuthorizationCodeGrant grant = new AuthorizationCodeGrant();

    AuthorizationCodeGrantTest() {
        grant.codes = fakes.codes;
        grant.grants = fakes.artifactGrants();
    }

    TokenRequest request(String clientId, String form) {
        return new TokenRequest(FormParameters.parse(form, Set.of()), GrantFakes.authenticated(clientId), FixedRequestContext.from("192.0.2.1"));
    }

    static String form(String extra) {
        return "grant_type=authorization_code&code=c1" + extra;
    }

    @Test
    void aFirstRedemptionWithTheRightVerifierIssuesAndLinksTheAccessToken() {
        fakes.codes.next = new AuthorizationCodes.Redemption.First(AuthorizationCodeFixtures.code("web", "alice", true, CHALLENGE));

        assertThat(grant.handle(request("web", form("&redirect_uri=https%3A%2F%2Frp.example.com%2Fcb&code_verifier=" + VERIFIER))))
                .isSameAs(fakes.tokens.response);
        assertThat(fakes.artifacts.recordedJti).isEqualTo("jti-1");
        assertThat(fakes.tokens.issuedFor.subject()).isEqualTo("alice");
        assertThat(fakes.tokens.nonce).isEqualTo("n-1");
    }

    @Test
    void aReplayRevokesTheGrantAndItsAccessToken() {
        AuthorizationCode code = AuthorizationCodeFixtures.code("web", "alice", true, CHALLENGE);
        AuthorizationCodeFixtures.withAccessJti(code, "jti-earlier");
        fakes.codes.next = new AuthorizationCodes.Redemption.Replayed(code);

        assertGrantError(() -> grant.handle(request("web", form("&code_verifier=" + VERIFIER))), OAuthError.INVALID_GRANT);
        assertThat(fakes.refreshTokens.revokedFamilies).containsExactly("grant-1");
        assertThat(fakes.revocations.revoked).containsExactly("jti-earlier");
    }

    @Test
    void unknownAndExpiredCodesAreInvalidGrant() {
        fakes.codes.next = new AuthorizationCodes.Redemption.Unknown();
        assertGrantError(() -> grant.handle(request("web", form(""))), OAuthError.INVALID_GRANT);
        fakes.codes.next = new AuthorizationCodes.Redemption.Expired();
        assertGrantError(() -> grant.handle(request("web", form(""))), OAuthError.INVALID_GRANT);
        assertThat(fakes.tokens.issuedFor).isNull();
    }

    @Test
    void anotherClientsCodeIsInvalidGrant() {
        fakes.codes.next = new AuthorizationCodes.Redemption.First(AuthorizationCodeFixtures.code("web", "alice", false, null));
        assertGrantError(() -> grant.handle(request("attacker", form(""))), OAuthError.INVALID_GRANT);
    }

    @Test
    void redirectUriMustBeRepeatedExactlyIfItWasGivenAndAbsentIfNot() {
        fakes.codes.next = new AuthorizationCodes.Redemption.First(AuthorizationCodeFixtures.code("web", "alice", true, null));
        assertGrantError(() -> grant.handle(request("web", form(""))), OAuthError.INVALID_GRANT);
        fakes.codes.next = new AuthorizationCodes.Redemption.First(AuthorizationCodeFixtures.code("web", "alice", true, null));
        assertGrantError(() -> grant.handle(request("web", form("&redirect_uri=https%3A%2F%2Frp.example.com%2Fcb%2F"))), OAuthError.INVALID_GRANT);
        fakes.codes.next = new AuthorizationCodes.Redemption.First(AuthorizationCodeFixtures.code("web", "alice", false, null));
        assertGrantError(() -> grant.handle(request("web", form("&redirect_uri=https%3A%2F%2Frp.example.com%2Fcb"))), OAuthError.INVALID_GRANT);
    }

    @Test
    void pkceIsEnforcedBothWays() {
        fakes.codes.next = new AuthorizationCodes.Redemption.First(AuthorizationCodeFixtures.code("web", "alice", false, CHALLENGE));
        assertGrantError(() -> grant.handle(request("web", form(""))), OAuthError.INVALID_GRANT);
        fakes.codes.next = new AuthorizationCodes.Redemption.First(AuthorizationCodeFixtures.code("web", "alice", false, CHALLENGE));
        assertGrantError(() -> grant.handle(request("web", form("&code_verifier=" + VERIFIER.replace('d', 'e')))), OAuthError.INVALID_GRANT);
        fakes.codes.next = new AuthorizationCodes.Redemption.First(AuthorizationCodeFixtures.code("web", "alice", false, null));
        assertGrantError(() -> grant.handle(request("web", form("&code_verifier=" + VERIFIER))), OAuthError.INVALID_GRANT);
    }

    @Test
    void aDisabledUserGetsNoTokens() {
        fakes.users.enabled = false;
        fakes.codes.next = new AuthorizationCodes.Redemption.First(AuthorizationCodeFixtures.code("web", "alice", false, null));
        assertGrantError(() -> grant.handle(request("web", form(""))), OAuthError.INVALID_GRANT);
        assertThat(fakes.tokens.issuedFor).isNull();
    }

    static void assertGrantError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, OAuthError error) {
        assertThatThrownBy(call).isInstanceOf(OAuthException.class).extracting(e -> ((OAuthException) e).error()).isEqualTo(error);
    }
}
