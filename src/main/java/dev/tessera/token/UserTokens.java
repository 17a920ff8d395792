package dev.tessera.token;

import dev.tessera.client.Client;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.user.UserAccount;
import dev.tessera.claims.ClaimsRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tokens of a grant made by a user (authorization code, refresh token): an access token for the
 * grant's scope and resources, a rotated refresh token when the client may refresh, and an ID token when
 * {@code openid} was granted.
 */
@ApplicationScoped
public class UserTokens {
    /** Private claim listing the claims requested for userinfo (OpenID Connect Core §5.5). */
    public static final String USERINFO_CLAIMS = "userinfo_claims";

    @Inject
    AccessTokenIssuer accessTokens;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    IdTokenIssuer idTokens;

    @Inject
    Audiences audiences;

    public UserTokens() {
    }

    public UserTokens(AccessTokenIssuer accessTokens, RefreshTokens refreshTokens, IdTokenIssuer idTokens, Audiences audiences) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.idTokens = idTokens;
        this.audiences = audiences;
    }

    /**
     * @param nonce the authorization request's nonce (code grant), null on refresh (OpenID Connect Core §12.2)
     * @return the response and the access token issued, so callers can link it to its grant
     */
    public Issued issue(Client client, UserAccount user, RefreshGrant grant, String nonce) {
        UserGrant granted = grant.grant();
        List<String> aud = audiences.resolve(client, granted.resources());
        IssuedAccessToken access = accessTokens.issue(new AccessTokenGrant(client, user.subject(), grant.scope(), aud, userClaims(granted)));
        String refresh = client.grantTypes().contains(GrantTypes.REFRESH_TOKEN) ? refreshTokens.issue(grant, client, access) : null;
        String idToken = grant.scope().contains("openid")
                ? idTokens.issue(new IdTokenRequest(client, user, granted, new IdTokenRequest.Bindings(nonce, access.value(), null), false))
                : null;
        return new Issued(new TokenResponse(access.value(), access.expiresIn(), grant.scope(), refresh, idToken), access);
    }

    /**
     * The claims a user's access token carries beyond RFC 9068's: {@code auth_time}, and the {@code claims}
     * parameter's userinfo part (OpenID Connect Core §5.5), so /userinfo can honour it whichever endpoint
     * issued the token (the token endpoint, or the authorization endpoint for {@code token} response types).
     */
    public static Map<String, Object> userClaims(UserGrant granted) {
        Map<String, Object> extra = new HashMap<>(Map.of("auth_time", granted.authentication().authTime().getEpochSecond()));
        Set<String> userinfoClaims = ClaimsRequest.requested(granted.claims(), ClaimsRequest.USERINFO);
        if (!userinfoClaims.isEmpty()) {
            extra.put(USERINFO_CLAIMS, List.copyOf(userinfoClaims));
        }
        return extra;
    }

    /** A token response and the access token in it. */
    public record Issued(TokenResponse response, IssuedAccessToken access) {
    }
}
