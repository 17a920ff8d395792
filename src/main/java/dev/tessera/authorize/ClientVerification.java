package dev.tessera.authorize;

import dev.tessera.client.Client;
import dev.tessera.client.ClientDirectory;
import dev.tessera.oauth.AuthorizeParameters;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Phase one of the authorization endpoint: client_id and redirect_uri. Until both are verified every
 * error is shown on Tessera's error page and never redirected (RFC 6749 §4.1.2.1: "the authorization
 * server SHOULD inform the resource owner of the error and MUST NOT automatically redirect").
 */
@ApplicationScoped
public class ClientVerification {

    @Inject
    ClientDirectory directory;

    public VerifiedClient verify(FormParameters params) {
        List<String> ids = params.all(OAuthParameters.CLIENT_ID);
        if (ids.size() != 1) {
            throw AuthorizeException.page(OAuthError.INVALID_REQUEST, ids.isEmpty() ? "client_id is missing" : "client_id is repeated");
        }
        Client client = directory.find(ids.get(0)).filter(Client::enabled)
                .orElseThrow(() -> AuthorizeException.page(OAuthError.INVALID_REQUEST, "Unknown client"));
        List<String> redirects = params.all(AuthorizeParameters.REDIRECT_URI);
        String redirectUri;
        if (redirects.size() > 1) {
            throw AuthorizeException.page(OAuthError.INVALID_REQUEST, "redirect_uri is repeated");
        } else if (redirects.size() == 1) {
            redirectUri = redirects.get(0);
            if (!RedirectUriMatcher.matches(redirectUri, client.redirectUris())) {
                throw AuthorizeException.page(OAuthError.INVALID_REQUEST, "redirect_uri is not registered for this client");
            }
        } else if (client.redirectUris().size() == 1) {
            // RFC 6749 §3.1.2.3: redirect_uri may be omitted when exactly one is registered.
            redirectUri = client.redirectUris().iterator().next();
        } else {
            throw AuthorizeException.page(OAuthError.INVALID_REQUEST, "redirect_uri is required for this client");
        }
        String responseType = params.get(AuthorizeParameters.RESPONSE_TYPE).orElse(null);
        ResponseMode mode = params.get(AuthorizeParameters.RESPONSE_MODE).flatMap(ResponseMode::fromWireName)
                .orElse(ResponseMode.defaultFor(normalise(responseType)));
        String state = params.all(AuthorizeParameters.STATE).size() == 1 ? params.get(AuthorizeParameters.STATE).get() : null;
        return new VerifiedClient(client, redirectUri, redirects.size() == 1, new RedirectTarget(client.clientId(), redirectUri, state, mode));
    }

    static String normalise(String responseType) {
        if (responseType == null) {
            return null;
        }
        List<String> parts = new ArrayList<>(List.of(responseType.trim().split(" +")));
        // Multiple Response Types §5: the order of values does not matter; "id_token code" is "code id_token".
        parts.sort(Comparator.comparingInt(p -> List.of("code", "id_token", "token").indexOf(p)));
        return String.join(" ", parts);
    }
}
