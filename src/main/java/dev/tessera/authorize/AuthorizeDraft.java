package dev.tessera.authorize;

import dev.tessera.client.Client;
import dev.tessera.oauth.AuthorizeParameters;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthError;
import java.util.List;
import java.util.Set;

/** The request as the checks fill it in; each check reads the parameters and sets what it vouches for. */
final class AuthorizeDraft {
    private final FormParameters params;
    private final VerifiedClient verified;
    String responseType;
    ResponseMode responseMode;
    Set<String> scope = Set.of();
    String codeChallenge;
    String codeChallengeMethod;
    String nonce;
    Set<String> prompt = Set.of();
    Long maxAge;
    String claims;
    List<String> resources = List.of();
    /** A state for errors only, when the outer request has none (a refused request object's). */
    String errorState;

    AuthorizeDraft(FormParameters params, VerifiedClient verified) {
        this.params = params;
        this.verified = verified;
    }

    FormParameters params() {
        return params;
    }

    Client client() {
        return verified.client();
    }

    /** An error for the client, sent in the response mode decided so far. */
    AuthorizeException fail(OAuthError error, String description) {
        RedirectTarget base = verified.target();
        ResponseMode mode = responseMode != null ? responseMode : base.mode();
        String state = base.state() != null ? base.state() : errorState;
        return new AuthorizeException(error, description, new RedirectTarget(base.clientId(), base.redirectUri(), state, mode));
    }

    AuthorizationRequest build() {
        return new AuthorizationRequest(client().clientId(), verified.redirectUri(), verified.redirectUriGiven(), responseType,
                responseMode, scope, params.get(AuthorizeParameters.STATE).orElse(null), nonce, codeChallenge,
                codeChallengeMethod, prompt, maxAge, params.get(AuthorizeParameters.LOGIN_HINT).orElse(null),
                params.get(AuthorizeParameters.ID_TOKEN_HINT).orElse(null), params.get(AuthorizeParameters.UI_LOCALES).orElse(null),
                params.get(AuthorizeParameters.ACR_VALUES).orElse(null), claims, resources);
    }
}
