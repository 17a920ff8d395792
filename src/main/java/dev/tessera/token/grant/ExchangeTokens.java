package dev.tessera.token.grant;

import dev.tessera.client.Client;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.TokenTypes;
import dev.tessera.token.AccessTokenInspector;
import dev.tessera.token.IdTokenInspector;
import dev.tessera.token.TokenClaims;
import dev.tessera.user.UserAccount;
import dev.tessera.user.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Reads the subject and actor tokens of a token exchange (RFC 8693 §2.1). Only tokens this server issued
 * are accepted: its access tokens ({@code access_token}, or {@code jwt} for a JWT access token) and its ID
 * tokens ({@code id_token}) when they were issued to the client presenting them. A token that is not
 * active, or whose user was disabled since, is {@code invalid_grant}: the token is the grant here, and
 * RFC 6749 §5.2 answers an invalid or revoked grant so.
 */
@ApplicationScoped
public class ExchangeTokens {
    static final String INACTIVE = " is not an active token of this server";

    @Inject
    AccessTokenInspector accessTokens;

    @Inject
    IdTokenInspector idTokens;

    @Inject
    UserDirectory users;

    /**
     * @param parameter the form parameter the token came in ({@code subject_token} or {@code actor_token}), for messages
     * @param type      its {@code *_token_type}; RFC 8693 §2.1: "REQUIRED" alongside the token
     */
    public TokenClaims read(String parameter, String token, String type, Client client) {
        if (type == null) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "Missing parameter '" + parameter + "_type'");
        }
        // RFC 8693 §2.2.2: if "either the subject_token or actor_token are invalid for any reason, or are
        // unacceptable based on policy, the invalid_request error code MUST be used".
        TokenClaims claims = inspect(parameter, token, type, client)
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_REQUEST, "The " + parameter + INACTIVE));
        Optional<UserAccount> user = users.findBySubject(claims.subject());
        if (user.isPresent() && !user.get().enabled()) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The " + parameter + INACTIVE,
                    "the user " + claims.subject() + " is disabled");
        }
        return claims;
    }

    private Optional<TokenClaims> inspect(String parameter, String token, String type, Client client) {
        return switch (type) {
            case TokenTypes.ACCESS_TOKEN -> accessTokens.inspect(token);
            // A JWT of this server that is a token in its own right: its JWT access tokens (RFC 9068).
            case TokenTypes.JWT -> isJwt(token) ? accessTokens.inspect(token) : Optional.empty();
            // An ID token speaks to its audience only: another client must not turn it into an access token.
            case TokenTypes.ID_TOKEN -> idTokens.inspect(token).filter(c -> c.audiences().contains(client.clientId()));
            default -> throw new OAuthException(OAuthError.INVALID_REQUEST,
                    parameter + "_type is not supported: " + type + "; use " + TokenTypes.ACCESS_TOKEN + ", "
                            + TokenTypes.JWT + " or " + TokenTypes.ID_TOKEN);
        };
    }

    private static boolean isJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }
}
