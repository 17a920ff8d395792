package dev.tessera.token;

import static dev.tessera.oauth.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.http.FixedRequestContext;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthError;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The refresh grant: rotation, scope narrowing, the account re-check. */
class RefreshTokenGrantTest {
    final GrantFakes fakes = new GrantFakes();
    final RefreshTokenGrant grant = new RefreshTokenGrant();

    RefreshTokenGrantTest() {
        grant.refreshTokens = fakes.refreshTokens;
        grant.users = fakes.users;
        grant.rotation = new RefreshRotation();
        grant.rotation.refreshTokens = fakes.refreshTokens;
        grant.rotation.tokens = fakes.tokens;
    }

    TokenRequest request(String form) {
        return new TokenRequest(FormParameters.parse("grant_type=refresh_token&refresh_token=r1" + form, Set.of()),
                GrantFakes.authenticated("web"), FixedRequestContext.from("192.0.2.1"));
    }

    @Test
    void aValidTokenRotatesAndIssuesForTheSameGrant() {
        fakes.refreshTokens.rotated = GrantFakes.refreshGrant(Set.of("openid", "profile"));

        assertThat(grant.handle(request(""))).isSameAs(fakes.tokens.response);
        assertThat(fakes.refreshTokens.requestedScope).isNull();
        assertThat(fakes.tokens.grant.scope()).containsExactlyInAnyOrder("openid", "profile");
        assertThat(fakes.tokens.nonce).as("OpenID Connect Core §12.2: no nonce on refresh").isNull();
    }

    @Test
    void aNarrowerScopeIsPassedToRotationAndIssued() {
        fakes.refreshTokens.rotated = GrantFakes.refreshGrant(Set.of("openid", "profile"));

        grant.handle(request("&scope=openid"));
        assertThat(fakes.refreshTokens.requestedScope).containsExactly("openid");
        assertThat(fakes.tokens.grant.scope()).containsExactly("openid");
    }

    @Test
    void anInvalidTokenIsInvalidGrantAndIssuesNothing() {
        assertOAuthError(OAuthError.INVALID_GRANT, () -> grant.handle(request("")));
        assertThat(fakes.tokens.issuedFor).isNull();
    }

    @Test
    void aDisabledAccountRevokesTheFamily() {
        fakes.refreshTokens.rotated = GrantFakes.refreshGrant(Set.of("openid"));
        fakes.users.enabled = false;

        assertOAuthError(OAuthError.INVALID_GRANT, () -> grant.handle(request("")));
        assertThat(fakes.refreshTokens.revokedFamilies).containsExactly("fam-1");
        assertThat(fakes.tokens.issuedFor).isNull();
    }

    @Test
    void theRefreshTokenParameterIsRequired() {
        TokenRequest missing = new TokenRequest(FormParameters.parse("grant_type=refresh_token", Set.of()), GrantFakes.authenticated("web"), FixedRequestContext.from("192.0.2.1"));
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> grant.handle(missing));
    }
}
