package dev.tessera.token.grant;

import static dev.tessera.oauth.OAuthAssertions.assertOAuthError;
import static dev.tessera.token.grant.Grants.form;
import static dev.tessera.token.grant.Grants.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.client.AccessTokenFormat;
import dev.tessera.client.Client;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.TokenTypes;
import dev.tessera.token.AccessTokenGrant;
import dev.tessera.token.GrantFixtures;
import dev.tessera.token.IssuedAccessToken;
import dev.tessera.token.TokenClaims;
import dev.tessera.token.TokenResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 8693: subject and actor tokens of this server, exchange policy, scope never wider, act. */
class TokenExchangeGrantTest {
    private static final String ORDERS = "https://orders.example.com";
    private final Grants g = new Grants();
    private final TokenExchangeGrant grant = new TokenExchangeGrant();
    private final Client gateway = Grants.client("gateway", GrantTypes.TOKEN_EXCHANGE);
    private final Client web = Grants.client("web", GrantTypes.AUTHORIZATION_CODE);

    TokenExchangeGrantTest() {
        ExchangeTokens exchangeTokens = new ExchangeTokens();
        exchangeTokens.accessTokens = g.tokens.inspector();
        exchangeTokens.idTokens = g.tokens.idInspector;
        exchangeTokens.users = g.users;
        ExchangeAudiences audiences = new ExchangeAudiences();
        audiences.audiences = g.audiences;
        grant.exchangeTokens = exchangeTokens;
        grant.scopes = g.scopes;
        grant.audiences = audiences;
        grant.accessTokens = g.tokens.accessTokens();
        grant.refreshTokens = g.tokens.refreshTokens;
        grant.users = g.users;
        grant.clock = GrantFixtures.CLOCK;
        gateway.tokenExchangeAudiences(new LinkedHashSet<>(List.of("orders", ORDERS)));
        g.users.add(Grants.user("sub-alice", "alice", true));
    }

    /** An access token of this server, issued to {@code client} for {@code subject}. */
    private String accessToken(Client client, String subject, Set<String> scope, Map<String, Object> extra) {
        return g.tokens.accessTokens().issue(new AccessTokenGrant(client, subject, scope, List.of(Grants.API), extra)).value();
    }

    private String aliceToken() {
        return accessToken(web, "sub-alice", Set.of("read", "write"), Map.of("auth_time", 1_700_000_000L));
    }

    private TokenResponse exchange(Object... pairs) {
        Map<String, Object> form = form("grant_type", GrantTypes.TOKEN_EXCHANGE);
        form.putAll(form(pairs));
        return grant.handle(request(gateway, form));
    }

    private TokenClaims claims(TokenResponse response) {
        return g.tokens.inspector().inspect(response.accessToken()).orElseThrow();
    }

    @Test
    void impersonationGivesTheSubjectATokenForAnAllowedAudience() {
        TokenResponse response = exchange("subject_token", aliceToken(), "subject_token_type", TokenTypes.ACCESS_TOKEN,
                "audience", "orders");

        TokenClaims claims = claims(response);
        assertThat(response.issuedTokenType()).isEqualTo(TokenTypes.ACCESS_TOKEN);
        assertThat(response.toJson()).contains("\"issued_token_type\":\"" + TokenTypes.ACCESS_TOKEN + "\"");
        assertThat(claims.subject()).isEqualTo("sub-alice");
        assertThat(claims.clientId()).isEqualTo("gateway");
        assertThat(claims.audiences()).containsExactly("orders");
        assertThat(claims.scope()).containsExactlyInAnyOrder("read", "write");
        assertThat(claims.extra()).containsEntry("auth_time", 1_700_000_000L).doesNotContainKey("act");
        assertThat(response.refreshToken()).isNull();
    }

    @Test
    void anActorTokenMakesADelegatedTokenWithAct() {
        String actor = accessToken(gateway, "gateway", Set.of(), Map.of());

        TokenClaims claims = claims(exchange("subject_token", aliceToken(), "subject_token_type", TokenTypes.ACCESS_TOKEN,
                "actor_token", actor, "actor_token_type", TokenTypes.ACCESS_TOKEN, "resource", ORDERS));

        assertThat(claims.subject()).isEqualTo("sub-alice");
        assertThat(claims.audiences()).containsExactly(ORDERS);
        assertThat(claims.extra().get("act")).isEqualTo(Map.of("sub", "gateway", "client_id", "gateway"));
    }

    @Test
    void delegatingADelegatedTokenNestsThePriorActors() {
        String delegated = accessToken(web, "sub-alice", Set.of("read"), Map.of("act", Map.of("sub", "frontend")));
        String actor = accessToken(gateway, "gateway", Set.of(), Map.of());

        TokenClaims claims = claims(exchange("subject_token", delegated, "subject_token_type", TokenTypes.ACCESS_TOKEN,
                "actor_token", actor, "actor_token_type", TokenTypes.ACCESS_TOKEN));

        // RFC 8693 §4.1: the outermost act is the current actor, nested ones are prior actors.
        assertThat(claims.extra().get("act")).isEqualTo(Map.of("sub", "gateway", "client_id", "gateway",
                "act", Map.of("sub", "frontend")));
    }

    @Test
    void withoutAnActorTheSubjectTokensDelegationIsKept() {
        String delegated = accessToken(web, "sub-alice", Set.of("read"), Map.of("act", Map.of("sub", "frontend")));

        TokenClaims claims = claims(exchange("subject_token", delegated, "subject_token_type", TokenTypes.ACCESS_TOKEN));

        assertThat(claims.extra().get("act")).isEqualTo(Map.of("sub", "frontend"));
    }

    @Test
    void aDelegationChainTooLongIsRefused() {
        Object act = Map.of("sub", "a5");
        for (int i = 4; i >= 1; i--) {
            act = Map.of("sub", "a" + i, "act", act);
        }
        String deep = accessToken(web, "sub-alice", Set.of("read"), Map.of("act", act));
        String actor = accessToken(gateway, "gateway", Set.of(), Map.of());

        assertOAuthError(OAuthError.INVALID_REQUEST, () -> exchange("subject_token", deep, "subject_token_type", TokenTypes.ACCESS_TOKEN,
                "actor_token", actor, "actor_token_type", TokenTypes.ACCESS_TOKEN));
    }

    @Test
    void audiencesAndResourcesOutsideThePolicyAreInvalidTarget() {
        String subject = aliceToken();
        assertOAuthError(OAuthError.INVALID_TARGET, () -> exchange("subject_token", subject, "subject_token_type",
                TokenTypes.ACCESS_TOKEN, "audience", List.of("orders", "billing")));
        assertOAuthError(OAuthError.INVALID_TARGET, () -> exchange("subject_token", subject, "subject_token_type",
                TokenTypes.ACCESS_TOKEN, "resource", Grants.API));
        assertOAuthError(OAuthError.INVALID_TARGET, () -> exchange("subject_token", subject, "subject_token_type",
                TokenTypes.ACCESS_TOKEN, "resource", "orders"));
    }

    @Test
    void audienceAndResourceMayRepeatAndCombine() {
        TokenClaims claims = claims(exchange("subject_token", aliceToken(), "subject_token_type", TokenTypes.ACCESS_TOKEN,
                "audience", List.of("orders", "orders"), "resource", ORDERS));

        assertThat(claims.audiences()).containsExactly("orders", ORDERS);
    }

    @Test
    void withoutAudienceTheTokenIsForTheClientsOwnResources() {
        assertThat(claims(exchange("subject_token", aliceToken(), "subject_token_type", TokenTypes.ACCESS_TOKEN)).audiences())
                .containsExactly(Grants.API);
    }

    @Test
    void theScopeIsNeverWiderThanTheSubjectTokens() {
        String readOnly = accessToken(web, "sub-alice", Set.of("read"), Map.of());
        gateway.allowedScopes(Set.of("read", "write", "openid"));

        assertOAuthError(OAuthError.INVALID_SCOPE, () -> exchange("subject_token", readOnly, "subject_token_type",
                TokenTypes.ACCESS_TOKEN, "scope", "read write"));
        assertThat(claims(exchange("subject_token", aliceToken(), "subject_token_type", TokenTypes.ACCESS_TOKEN, "scope", "write"))
                .scope()).containsExactly("write");
    }

    @Test
    void theDefaultScopeIsTheSubjectsWithinTheClientsAllowedScope() {
        gateway.allowedScopes(Set.of("read"));

        assertThat(claims(exchange("subject_token", aliceToken(), "subject_token_type", TokenTypes.ACCESS_TOKEN)).scope())
                .containsExactly("read");
    }

    @Test
    void jwtIsIssuedAsAJwtEvenForAnOpaqueClient() {
        gateway.accessTokenFormat(AccessTokenFormat.OPAQUE);

        TokenResponse response = exchange("subject_token", aliceToken(), "subject_token_type", TokenTypes.ACCESS_TOKEN,
                "requested_token_type", TokenTypes.JWT);

        assertThat(response.issuedTokenType()).isEqualTo(TokenTypes.JWT);
        assertThat(response.accessToken().split("\\.")).hasSize(3);
        assertThat(exchange("subject_token", aliceToken(), "subject_token_type", TokenTypes.ACCESS_TOKEN).accessToken())
                .doesNotContain(".");
    }

    @Test
    void unsupportedTypesAreInvalidRequest() {
        String subject = aliceToken();
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> exchange("subject_token", subject, "subject_token_type",
                TokenTypes.ACCESS_TOKEN, "requested_token_type", TokenTypes.REFRESH_TOKEN));
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> exchange("subject_token", subject, "subject_token_type",
                TokenTypes.ACCESS_TOKEN, "requested_token_type", "urn:example:saml"));
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> exchange("subject_token", subject, "subject_token_type",
                TokenTypes.REFRESH_TOKEN));
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> exchange("subject_token", subject));
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> exchange("subject_token_type", TokenTypes.ACCESS_TOKEN));
    }

    @Test
    void actorTokenAndItsTypeGoTogether() {
        String subject = aliceToken();
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> exchange("subject_token", subject, "subject_token_type",
                TokenTypes.ACCESS_TOKEN, "actor_token_type", TokenTypes.ACCESS_TOKEN));
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> exchange("subject_token", subject, "subject_token_type",
                TokenTypes.ACCESS_TOKEN, "actor_token", subject));
    }

    @Test
    void inactiveSubjectOrActorTokensAreInvalidGrant() {
        IssuedAccessToken revoked = g.tokens.accessTokens().issue(new AccessTokenGrant(web, "sub-alice", Set.of("read"),
                List.of(Grants.API), Map.of()));
        g.tokens.revoke(revoked.jti());

        assertOAuthError(OAuthError.INVALID_REQUEST, () -> exchange("subject_token", revoked.value(), "subject_token_type",
                TokenTypes.ACCESS_TOKEN));
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> exchange("subject_token", "garbage", "subject_token_type",
                TokenTypes.ACCESS_TOKEN));
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> exchange("subject_token", aliceToken(), "subject_token_type",
                TokenTypes.ACCESS_TOKEN, "actor_token", "a.b.c", "actor_token_type", TokenTypes.JWT));
    }

    @Test
    void aDisabledUsersTokenCannotBeExchanged() {
        g.users.add(Grants.user("sub-bob", "bob", false));

        assertOAuthError(OAuthError.INVALID_REQUEST, () -> exchange("subject_token",
                accessToken(web, "sub-bob", Set.of("read"), Map.of()), "subject_token_type", TokenTypes.ACCESS_TOKEN));
    }

    @Test
    void anIdTokenIssuedToTheClientIsAcceptedAndCarriesNoScope() {
        String idToken = g.tokens.idToken(gateway, g.users.bySubject.get("sub-alice"));

        TokenClaims claims = claims(exchange("subject_token", idToken, "subject_token_type", TokenTypes.ID_TOKEN, "audience", "orders"));

        assertThat(claims.subject()).isEqualTo("sub-alice");
        assertThat(claims.scope()).isEmpty();
    }

    @Test
    void anIdTokenOfAnotherClientOrAnAccessTokenPassedAsIdTokenIsRefused() {
        String othersIdToken = g.tokens.idToken(web, g.users.bySubject.get("sub-alice"));

        assertOAuthError(OAuthError.INVALID_REQUEST, () -> exchange("subject_token", othersIdToken, "subject_token_type", TokenTypes.ID_TOKEN));
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> exchange("subject_token", aliceToken(), "subject_token_type", TokenTypes.ID_TOKEN));
        String mine = g.tokens.idToken(gateway, g.users.bySubject.get("sub-alice"));
        assertOAuthError(OAuthError.INVALID_REQUEST, () -> exchange("subject_token", mine, "subject_token_type", TokenTypes.ACCESS_TOKEN));
    }

    @Test
    void aRefreshTokenComesOnlyByPolicyAndNeverForADelegatedToken() {
        gateway.grantTypes(Set.of(GrantTypes.TOKEN_EXCHANGE, GrantTypes.REFRESH_TOKEN));
        assertThat(exchange("subject_token", aliceToken(), "subject_token_type", TokenTypes.ACCESS_TOKEN).refreshToken()).isNull();

        gateway.tokenExchangeRefreshTokens(true);
        TokenResponse withRefresh = exchange("subject_token", aliceToken(), "subject_token_type", TokenTypes.ACCESS_TOKEN, "scope", "read");
        assertThat(withRefresh.refreshToken()).isNotNull();
        assertThat(g.tokens.refreshTokens.issued.get(0).subject()).isEqualTo("sub-alice");
        assertThat(g.tokens.refreshTokens.issued.get(0).scope()).containsExactly("read");

        String actor = accessToken(gateway, "gateway", Set.of(), Map.of());
        assertThat(exchange("subject_token", aliceToken(), "subject_token_type", TokenTypes.ACCESS_TOKEN, "actor_token", actor,
                "actor_token_type", TokenTypes.ACCESS_TOKEN).refreshToken()).isNull();
        // An audience a refresh could not grant again: no refresh token either.
        assertThat(exchange("subject_token", aliceToken(), "subject_token_type", TokenTypes.ACCESS_TOKEN, "audience", "orders")
                .refreshToken()).isNull();
    }
}
