package dev.tessera.token.grant;

import static dev.tessera.oauth.OAuthAssertions.assertOAuthError;
import static dev.tessera.oauth.OAuthAssertions.thrown;
import static dev.tessera.token.grant.Grants.form;
import static dev.tessera.token.grant.Grants.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.oauth.AcrValues;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.token.GrantFixtures;
import dev.tessera.token.RefreshGrant;
import dev.tessera.token.TokenClaims;
import dev.tessera.token.TokenResponse;
import dev.tessera.user.LoginResult;
import dev.tessera.user.UserAccount;
import dev.tessera.mfa.LevelPolicies;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 6749 §4.3: the legacy password grant, through the same user directory as the login page. */
class PasswordGrantTest {
    private final Grants g = new Grants();
    private final PasswordGrant grant = new PasswordGrant();
    private final Client legacy = Grants.client("legacy", GrantTypes.PASSWORD, GrantTypes.REFRESH_TOKEN);
    private final UserAccount alice = g.users.add(Grants.user("sub-alice", "alice", true));
    private final Set<String> requiredOfPeople = new HashSet<>();

    PasswordGrantTest() {
        grant.users = g.users;
        grant.scopes = g.scopes;
        grant.audiences = g.audiences;
        grant.refreshTokens = g.tokens.refreshTokens;
        grant.tokens = g.userTokens;
        grant.clock = GrantFixtures.CLOCK;
        grant.levels = LevelPolicies.of(AcrValues.PASSWORD, requiredOfPeople, Set.of(), false);
        g.users.login = username -> username.equals("alice")
                ? new LoginResult.Success(alice, List.of("pwd"))
                : new LoginResult.Failure(LoginResult.Reason.INVALID_CREDENTIALS, "login.error.invalid", "wrong password");
    }

    private TokenResponse token(Client client, Map<String, Object> extra) {
        Map<String, Object> form = form("grant_type", "password", "username", "alice", "password", "secret");
        form.putAll(extra);
        return grant.handle(request(client, form));
    }

    @Test
    void theRightPasswordGetsTheUsersTokenAndARefreshTokenOfANewFamily() {
        TokenResponse response = token(legacy, Map.of());

        TokenClaims access = g.tokens.inspector().inspect(response.accessToken()).orElseThrow();
        assertThat(access.subject()).isEqualTo("sub-alice");
        assertThat(access.clientId()).isEqualTo("legacy");
        assertThat(access.scope()).containsExactly("read");
        assertThat(access.audiences()).containsExactly(Grants.API);
        assertThat(response.refreshToken()).isEqualTo("refresh-1");
        assertThat(response.idToken()).isNull();
        RefreshGrant family = g.tokens.refreshTokens.issued.get(0);
        assertThat(family.familyId()).hasSizeGreaterThanOrEqualTo(21);
        assertThat(family.grant().signIn().sid()).isNull();
        assertThat(family.grant().authentication().amr()).containsExactly("pwd");
        assertThat(family.grant().authentication().acr()).isEqualTo(AcrValues.PASSWORD);
        assertThat(family.grant().authentication().authTime()).isEqualTo(GrantFixtures.NOW);
        // The directory saw the caller's address: the login throttle counts per address too.
        assertThat(g.users.attempts).containsExactly("alice@192.0.2.7");
    }

    @Test
    void openidBringsAnIdTokenWithoutNonceAndWithAmrPwd() throws Exception {
        TokenResponse response = token(legacy, Map.of("scope", "openid read"));

        JwtClaims id = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators().build()
                .processToClaims(response.idToken());
        assertThat(id.getSubject()).isEqualTo("sub-alice");
        assertThat(id.getAudience()).containsExactly("legacy");
        assertThat(id.getStringListClaimValue("amr")).containsExactly("pwd");
        assertThat(id.hasClaim("nonce")).isFalse();
        assertThat(id.hasClaim("at_hash")).isTrue();
        assertThat(g.tokens.idInspector.inspect(response.idToken())).isPresent();
    }

    @Test
    void withoutTheRefreshTokenGrantNoRefreshTokenIsIssued() {
        Client noRefresh = Grants.client("no-refresh", GrantTypes.PASSWORD);

        assertThat(token(noRefresh, Map.of()).refreshToken()).isNull();
    }

    @Test
    void aWrongPasswordIsInvalidGrantWithAGenericDescription() {
        g.users.login = u -> new LoginResult.Failure(LoginResult.Reason.INVALID_CREDENTIALS, "login.error.invalid", "wrong password for sub-alice");

        OAuthException e = thrown(OAuthError.INVALID_GRANT, () -> token(legacy, Map.of()));
        assertThat(e.description()).isEqualTo(PasswordGrant.FAILED);
        assertThat(e.logDetail()).contains("INVALID_CREDENTIALS", "wrong password");
    }

    @ParameterizedTest
    @EnumSource(value = LoginResult.Reason.class, names = {"THROTTLED", "DISABLED", "LOCKED", "EXPIRED", "MUST_CHANGE_PASSWORD"})
    void everyOtherRefusalLooksTheSame(LoginResult.Reason reason) {
        g.users.login = u -> new LoginResult.Failure(reason, "login.error.x", "detail");

        OAuthException e = thrown(OAuthError.INVALID_GRANT, () -> token(legacy, Map.of()));
        assertThat(e.description()).isEqualTo(PasswordGrant.FAILED);
        assertThat(e.logDetail()).contains(reason.name());
    }

    @Test
    void anUnreachableDirectoryIsTemporarilyUnavailable() {
        g.users.login = u -> new LoginResult.Failure(LoginResult.Reason.UNAVAILABLE, "login.error.unavailable", "ldap down");

        assertOAuthError(OAuthError.TEMPORARILY_UNAVAILABLE, () -> token(legacy, Map.of()));
    }

    @Test
    void aPublicClientIsRefusedEvenIfItsRowSaysPassword() {
        Client spa = Grants.client("spa", GrantTypes.PASSWORD);
        spa.authMethod(ClientAuthMethod.NONE);

        assertOAuthError(OAuthError.UNAUTHORIZED_CLIENT, () -> token(spa, Map.of()));
        assertThat(g.users.attempts).isEmpty();
    }

    @Test
    void usernameAndPasswordAreRequired() {
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> grant.handle(request(legacy, form("username", "alice"))));
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> grant.handle(request(legacy, form("password", "secret"))));
    }

    @Test
    void aBadScopeOrResourceIsRefusedBeforeThePasswordIsChecked() {
        assertOAuthError(OAuthError.INVALID_SCOPE, () -> token(legacy, Map.of("scope", "admin")));
        assertOAuthError(OAuthError.INVALID_TARGET, () -> token(legacy, Map.of("resource", "https://other.example.com")));

        assertThat(g.users.attempts).as("no login failure counted against the user").isEmpty();
    }

    @Test
    void theRequestedResourceBecomesTheAudienceAndTravelsWithTheRefreshFamily() {
        TokenResponse response = token(legacy, Map.of("resource", Grants.API, "scope", "read write"));

        assertThat(g.tokens.inspector().inspect(response.accessToken()).orElseThrow().scope()).containsExactly("read", "write");
        assertThat(g.tokens.refreshTokens.issued.get(0).grant().resources()).containsExactly(Grants.API);
    }

    /** Issue 20: the password grant has no second step, so no floor above the password lets it issue a token. */
    @Test
    void aClientThatRequiresMfaIsRefusedBeforeThePasswordIsChecked() {
        legacy.requireMfa(true);
        OAuthException e = thrown(OAuthError.UNAUTHORIZED_CLIENT, () -> token(legacy, Map.of()));
        assertThat(e.getMessage()).contains("second factor");
        assertThat(g.users.attempts).as("no attempt counted").isEmpty();
        assertThat(g.tokens.refreshTokens.issued).isEmpty();
    }

    @Test
    void aServerMinimumAboveThePasswordRefusesThePasswordGrant() {
        grant.levels = LevelPolicies.of(AcrValues.MFA, Set.of(), Set.of(), false);
        assertOAuthError(OAuthError.UNAUTHORIZED_CLIENT, () -> token(legacy, Map.of()));
        grant.levels = LevelPolicies.of(AcrValues.KERBEROS, Set.of(), Set.of(), false);
        assertOAuthError(OAuthError.UNAUTHORIZED_CLIENT, () -> token(legacy, Map.of()));
    }

    @Test
    void aPersonRequiredToUseASecondFactorGetsInvalidGrantSayingSoAfterTheRightPassword() {
        requiredOfPeople.add("sub-alice");
        OAuthException e = thrown(OAuthError.INVALID_GRANT, () -> token(legacy, Map.of()));
        assertThat(e.getMessage()).contains("second factor").isNotEqualTo(PasswordGrant.FAILED);
        assertThat(g.tokens.refreshTokens.issued).isEmpty();
    }
}
