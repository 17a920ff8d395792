package dev.tessera.token.grant;

import dev.tessera.client.Client;
import dev.tessera.mfa.LevelPolicy;
import dev.tessera.oauth.AcrValues;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.OAuthParameters;
import dev.tessera.oauth.Secrets;
import dev.tessera.session.Authentication;
import dev.tessera.session.SignIn;
import dev.tessera.token.Audiences;
import dev.tessera.token.GrantHandler;
import dev.tessera.token.GrantScopes;
import dev.tessera.token.RefreshTokens;
import dev.tessera.token.TokenRequest;
import dev.tessera.token.TokenResponse;
import dev.tessera.token.UserGrant;
import dev.tessera.token.UserTokens;
import dev.tessera.user.LoginResult;
import dev.tessera.user.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The resource owner password credentials grant (RFC 6749 §4.3), kept for legacy applications only.
 * RFC 9700 §2.4: it "MUST NOT be used", so no client has it unless an administrator puts {@code password}
 * in its grant types, and never a public client. The password goes through {@link UserDirectory}, the door
 * the login page uses, so throttling, lockout and the audit detail are the same; every failure, throttled
 * or not, is the same {@code invalid_grant}, so the answer tells a guesser nothing.
 */
@ApplicationScoped
public class PasswordGrant implements GrantHandler {
    static final String FAILED = "The username or password is incorrect, or the account cannot sign in now";
    static final String CLIENT_NEEDS_MORE = "This client's sign-ins need a second factor, which the password grant cannot ask for;"
            + " use the authorization code flow";
    static final String PERSON_NEEDS_MORE = "This account must sign in with a second factor, which the password grant cannot ask for;"
            + " sign in through the browser (authorization code flow)";

    @Inject
    UserDirectory users;

    @Inject
    GrantScopes scopes;

    @Inject
    Audiences audiences;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    UserTokens tokens;

    @Inject
    LevelPolicy levels;

    @Inject
    Clock clock;

    @Override
    public String grantType() {
        return GrantTypes.PASSWORD;
    }

    @Override
    public TokenResponse handle(TokenRequest request) {
        Client client = request.client();
        // RFC 6749 §4.3.2: "require client authentication for confidential clients". Registration refuses
        // password for public clients already; this holds even if a row was edited by hand.
        if (client.isPublic()) {
            throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, "Public clients may not use the password grant");
        }
        String username = request.form().require(OAuthParameters.USERNAME);
        String password = request.form().require(OAuthParameters.PASSWORD);
        // Scope and resources first: a malformed request must not cost the user a counted login failure.
        Set<String> scope = scopes.granted(client, request.form().get(OAuthParameters.SCOPE).orElse(null));
        List<String> resources = request.form().all(OAuthParameters.RESOURCE);
        audiences.resolve(client, resources);
        // The password grant reaches the password level only (it has no second step). A floor of the server or the
        // client refuses every user alike: said before the password is checked, so no attempt is counted. RFC 6749 §5.2
        // unauthorized_client: "not authorized to use this authorization grant type".
        if (!levels.floor(client, null).metBy(AcrValues.PASSWORD)) {
            throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, CLIENT_NEEDS_MORE);
        }
        LoginResult.Success success = authenticate(username, password, request.context().peerAddress());
        // An administrator's requirement for this person: RFC 6749 §5.2 invalid_grant (the credentials are not enough),
        // as Keycloak answers a direct grant whose flow needs more; only after the right password, as the login page's
        // second step is shown only then.
        if (!levels.floor(client, success.user().subject()).metBy(AcrValues.PASSWORD)) {
            throw new OAuthException(OAuthError.INVALID_GRANT, PERSON_NEEDS_MORE, "password grant: a second factor is required of this person");
        }
        // Bound to no SSO session (no sid): the password grant has none.
        SignIn signIn = new SignIn(success.user().subject(), new Authentication(clock.instant(), success.amr(), AcrValues.PASSWORD), null);
        UserGrant grant = new UserGrant(Secrets.random(16), client.clientId(), signIn, scope, List.copyOf(resources), null);
        // No nonce: there was no authorization request (OpenID Connect Core §2: nonce only when one was sent).
        return tokens.issue(client, success.user(), refreshTokens.newFamily(grant, client), null).response();
    }

    /** RFC 6749 §4.3.2: "validate the resource owner password credentials using its existing password validation algorithm". */
    private LoginResult.Success authenticate(String username, String password, String clientAddress) {
        LoginResult result = users.authenticate(username, password, clientAddress);
        if (result instanceof LoginResult.Success success) {
            return success;
        }
        LoginResult.Failure failure = (LoginResult.Failure) result;
        if (failure.reason() == LoginResult.Reason.UNAVAILABLE) {
            // Not the user's fault, and retrying later may work: RFC 6749 §4.1.2.1 temporarily_unavailable.
            throw new OAuthException(OAuthError.TEMPORARILY_UNAVAILABLE, "The user directory cannot be reached; try again later",
                    failure.auditDetail());
        }
        throw new OAuthException(OAuthError.INVALID_GRANT, FAILED, "password grant " + failure.reason() + ": " + failure.auditDetail());
    }
}
