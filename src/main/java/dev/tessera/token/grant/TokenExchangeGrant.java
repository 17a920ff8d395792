package dev.tessera.token.grant;

import dev.tessera.client.AccessTokenFormat;
import dev.tessera.client.Client;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.OAuthParameters;
import dev.tessera.oauth.Secrets;
import dev.tessera.oauth.TokenTypes;
import dev.tessera.session.Authentication;
import dev.tessera.session.SignIn;
import dev.tessera.token.AccessTokenGrant;
import dev.tessera.token.AccessTokenIssuer;
import dev.tessera.token.GrantHandler;
import dev.tessera.token.GrantScopes;
import dev.tessera.token.IssuedAccessToken;
import dev.tessera.token.RefreshTokens;
import dev.tessera.token.TokenClaims;
import dev.tessera.token.TokenRequest;
import dev.tessera.token.TokenResponse;
import dev.tessera.token.UserGrant;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Token exchange (RFC 8693): a service holding a token of this server gets another one for a different
 * audience, narrower scope, or with itself recorded as actor ({@code act}, §4.1). Read the requested
 * type, the subject and actor tokens, then scope (never wider than the subject token's) and audience
 * (only what the client's exchange policy allows), and issue. The issued token is an access token
 * ({@code access_token} or, as a JWT, {@code jwt}); a refresh token comes with it only when the client's
 * policy says so, and never for a delegated token, whose refresh would lose its {@code act}.
 */
@ApplicationScoped
public class TokenExchangeGrant implements GrantHandler {

    @Inject
    ExchangeTokens exchangeTokens;

    @Inject
    GrantScopes scopes;

    @Inject
    ExchangeAudiences audiences;

    @Inject
    AccessTokenIssuer accessTokens;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    UserDirectory users;

    @Inject
    Clock clock;

    @Override
    public String grantType() {
        return GrantTypes.TOKEN_EXCHANGE;
    }

    @Override
    public TokenResponse handle(TokenRequest request) {
        Client client = request.client();
        FormParameters form = request.form();
        String requested = requestedType(form);
        TokenClaims subject = exchangeTokens.read(OAuthParameters.SUBJECT_TOKEN, form.require(OAuthParameters.SUBJECT_TOKEN),
                form.get(OAuthParameters.SUBJECT_TOKEN_TYPE).orElse(null), client);
        TokenClaims actor = actor(form, client);
        Set<String> scope = scopes.within(client, subject.scope(), form.get(OAuthParameters.SCOPE).orElse(null));
        List<String> aud = audiences.resolve(client, form.all(OAuthParameters.AUDIENCE), form.all(OAuthParameters.RESOURCE));
        Map<String, Object> extra = new HashMap<>();
        Map<String, Object> act = Delegation.act(subject, actor);
        if (act != null) {
            extra.put(Delegation.ACT, act);
        }
        if (subject.extra().get("auth_time") instanceof Number authTime) {
            extra.put("auth_time", authTime.longValue());
        }
        // A delegated token is a JWT, so resource servers see act without introspection; and RFC 8693 §3
        // "jwt" asks for a JWT whatever the client's format.
        AccessTokenFormat format = act != null || TokenTypes.JWT.equals(requested) ? AccessTokenFormat.JWT : client.accessTokenFormat();
        IssuedAccessToken access = accessTokens.issue(new AccessTokenGrant(client, subject.subject(), scope, aud, extra), format);
        String refresh = act == null ? refreshToken(client, form, subject, scope, access) : null;
        // RFC 8693 §2.2.1: issued_token_type is "REQUIRED"; token_type stays Bearer since an access token is issued.
        return new TokenResponse(access.value(), access.expiresIn(), scope, refresh, null).withIssuedTokenType(requested);
    }

    /** RFC 8693 §2.1 requested_token_type, "OPTIONAL"; Tessera issues access tokens only, by default as itself. */
    private static String requestedType(FormParameters form) {
        String requested = form.get(OAuthParameters.REQUESTED_TOKEN_TYPE).orElse(TokenTypes.ACCESS_TOKEN);
        if (!requested.equals(TokenTypes.ACCESS_TOKEN) && !requested.equals(TokenTypes.JWT)) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "requested_token_type must be " + TokenTypes.ACCESS_TOKEN
                    + " or " + TokenTypes.JWT + "; a refresh token comes with the access token when the client's policy allows it");
        }
        return requested;
    }

    /** RFC 8693 §2.1: actor_token_type "is REQUIRED when the actor_token parameter is present ... and MUST NOT be included otherwise". */
    private TokenClaims actor(FormParameters form, Client client) {
        if (!form.has(OAuthParameters.ACTOR_TOKEN)) {
            if (form.has(OAuthParameters.ACTOR_TOKEN_TYPE)) {
                throw new OAuthException(OAuthError.INVALID_REQUEST, "actor_token_type was sent without actor_token");
            }
            return null;
        }
        return exchangeTokens.read(OAuthParameters.ACTOR_TOKEN, form.require(OAuthParameters.ACTOR_TOKEN),
                form.get(OAuthParameters.ACTOR_TOKEN_TYPE).orElse(null), client);
    }

    /**
     * RFC 8693 §2.2.1: refresh_token is "OPTIONAL"; issued only when the client's policy allows it, the
     * client may refresh, the subject is an enabled local user, and the token is for resources a refresh
     * can grant again (the client's allowed resources: a refresh re-resolves the audience by those rules).
     */
    private String refreshToken(Client client, FormParameters form, TokenClaims subject, Set<String> scope, IssuedAccessToken access) {
        List<String> resources = form.all(OAuthParameters.RESOURCE);
        if (!client.tokenExchangeRefreshTokens() || !client.grantTypes().contains(GrantTypes.REFRESH_TOKEN)
                || !form.all(OAuthParameters.AUDIENCE).isEmpty() || !client.allowedResources().containsAll(resources)) {
            return null;
        }
        UserAccount user = users.findBySubject(subject.subject()).filter(UserAccount::enabled).orElse(null);
        if (user == null) {
            return null;
        }
        Instant authTime = subject.extra().get("auth_time") instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : clock.instant();
        // The subject token says when, not how: no amr or acr, and no session to bind to.
        SignIn signIn = new SignIn(user.subject(), new Authentication(authTime, List.of(), null), null);
        UserGrant grant = new UserGrant(Secrets.random(16), client.clientId(), signIn, scope, List.copyOf(resources), null);
        return refreshTokens.issue(refreshTokens.newFamily(grant, client), client, access);
    }
}
