package dev.tessera.client;

import dev.tessera.http.RequestContext;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.OAuthParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Authenticates the client of a token, introspection, revocation or device authorization request: finds the
 * client the credentials name, then lets the {@link ClientAuthentication} of the one method that client
 * registered check them (RFC 6749 §2.3, RFC 7523 §2.2, OpenID Connect Core §9). A failure is 401
 * {@code invalid_client}, with {@code WWW-Authenticate: Basic} when the client tried Basic (RFC 6749 §5.2: the
 * server "MUST include the WWW-Authenticate response header field"). Unknown clients and wrong secrets get the
 * same description, so client ids cannot be probed.
 */
@ApplicationScoped
public class ClientAuthenticator {
    public static final String FAILED = "Client authentication failed";
    static final String BASIC_CHALLENGE = "Basic realm=\"tessera\", charset=\"UTF-8\"";

    @Inject
    ClientDirectory directory;

    @Inject
    ClientAuthentications methods;

    @Inject
    RequestContext request;

    public ClientAuthenticator() {
    }

    /** For tests: wired by hand. */
    public ClientAuthenticator(ClientDirectory directory, ClientAuthentications methods, RequestContext request) {
        this.directory = directory;
        this.methods = methods;
        this.request = request;
    }

    /**
     * @param authorization the Authorization header, or null
     * @param audiences     what a client assertion's aud may name (issuer, endpoint URL)
     */
    public AuthenticatedClient authenticate(String authorization, FormParameters form, List<String> audiences) {
        BasicCredentials basic = BasicCredentials.parse(authorization);
        PresentedCredentials presented = new PresentedCredentials(basic, form, audiences, request);
        // RFC 6749 §2.3: "The client MUST NOT use more than one authentication method in each request."
        if (presented.carriers() > 1) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "More than one client authentication method was used");
        }
        try {
            String clientId = presented.claimedClientId();
            Client client = directory.find(clientId).filter(Client::enabled)
                    .orElseThrow(() -> new OAuthException(OAuthError.INVALID_CLIENT, FAILED, "unknown or disabled client"));
            form.get(OAuthParameters.CLIENT_ID).filter(id -> !id.equals(clientId)).ifPresent(id -> {
                throw new OAuthException(OAuthError.INVALID_CLIENT, "client_id does not match the authenticated client");
            });
            ClientAuthentication method = methods.find(client.authMethod()).orElseThrow(() -> new OAuthException(
                    OAuthError.INVALID_CLIENT, FAILED, clientId + " is registered for " + client.authMethod() + ", which is not deployed"));
            method.verify(client, presented);
            return new AuthenticatedClient(client, method.method());
        } catch (OAuthException e) {
            if (basic != null && e.error() == OAuthError.INVALID_CLIENT) {
                throw e.withHeader("WWW-Authenticate", BASIC_CHALLENGE);
            }
            throw e;
        }
    }

    /** The refusal every method gives for credentials that are missing, of another kind, or wrong. */
    public static OAuthException failed(Client client, String detail) {
        return new OAuthException(OAuthError.INVALID_CLIENT, FAILED, client.clientId() + " " + detail);
    }
}
