package dev.tessera.client;

import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.OAuthParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Authenticates the client of a token, introspection or revocation request by the one method it
 * registered (RFC 6749 §2.3, RFC 7523 §2.2, OpenID Connect Core §9). A failure is 401
 * {@code invalid_client}, with {@code WWW-Authenticate: Basic} when the client tried Basic (RFC 6749
 * §5.2: the server "MUST include the WWW-Authenticate response header field"). Unknown clients and
 * wrong secrets get the same description, so client ids cannot be probed.
 */
@ApplicationScoped
public class ClientAuthenticator {
    static final String FAILED = "Client authentication failed";
    static final String BASIC_CHALLENGE = "Basic realm=\"tessera\", charset=\"UTF-8\"";

    @Inject
    ClientDirectory directory;

    @Inject
    ClientSecrets secrets;

    @Inject
    ClientAssertionVerifier assertions;

    @Inject
    Clock clock;

    /**
     * @param authorization the Authorization header, or null
     * @param audiences     what a client assertion's aud may name (issuer, endpoint URL)
     */
    public AuthenticatedClient authenticate(String authorization, FormParameters form, List<String> audiences) {
        BasicCredentials basic = BasicCredentials.parse(authorization);
        List<ClientAuthMethod> presented = new ArrayList<>();
        if (basic != null) {
            presented.add(ClientAuthMethod.CLIENT_SECRET_BASIC);
        }
        if (form.has(OAuthParameters.CLIENT_SECRET)) {
            presented.add(ClientAuthMethod.CLIENT_SECRET_POST);
        }
        if (form.has(OAuthParameters.CLIENT_ASSERTION) || form.has(OAuthParameters.CLIENT_ASSERTION_TYPE)) {
            presented.add(ClientAuthMethod.PRIVATE_KEY_JWT);
        }
        // RFC 6749 §2.3: "The client MUST NOT use more than one authentication method in each request."
        if (presented.size() > 1) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "More than one client authentication method was used");
        }
        try {
            if (basic != null) {
                return bySecret(basic.clientId(), basic.secret(), ClientAuthMethod.CLIENT_SECRET_BASIC, form);
            }
            if (presented.contains(ClientAuthMethod.CLIENT_SECRET_POST)) {
                return bySecret(form.require(OAuthParameters.CLIENT_ID), form.require(OAuthParameters.CLIENT_SECRET),
                        ClientAuthMethod.CLIENT_SECRET_POST, form);
            }
            if (!presented.isEmpty()) {
                return byAssertion(form, audiences);
            }
            return publicClient(form);
        } catch (OAuthException e) {
            if (basic != null && e.error() == OAuthError.INVALID_CLIENT) {
                throw e.withHeader("WWW-Authenticate", BASIC_CHALLENGE);
            }
            throw e;
        }
    }

    private AuthenticatedClient bySecret(String clientId, String secret, ClientAuthMethod method, FormParameters form) {
        Client client = known(clientId);
        checkSameClientId(form, clientId);
        if (client.authMethod() != method || !secrets.matches(client, secret)) {
            throw new OAuthException(OAuthError.INVALID_CLIENT, FAILED, clientId + " failed " + method.wireName());
        }
        if (client.secretExpiresAt() != null && client.secretExpiresAt().isBefore(clock.instant())) {
            throw new OAuthException(OAuthError.INVALID_CLIENT, "The client secret has expired");
        }
        return new AuthenticatedClient(client, method);
    }

    private AuthenticatedClient byAssertion(FormParameters form, List<String> audiences) {
        if (!OAuthParameters.JWT_BEARER_ASSERTION_TYPE.equals(form.get(OAuthParameters.CLIENT_ASSERTION_TYPE).orElse(null))) {
            throw new OAuthException(OAuthError.INVALID_REQUEST,
                    "client_assertion_type must be " + OAuthParameters.JWT_BEARER_ASSERTION_TYPE);
        }
        String assertion = form.require(OAuthParameters.CLIENT_ASSERTION);
        String clientId = ClientAssertionVerifier.claimedClient(assertion);
        Client client = known(clientId);
        checkSameClientId(form, clientId);
        ClientAuthMethod method = client.authMethod();
        if (method != ClientAuthMethod.PRIVATE_KEY_JWT && method != ClientAuthMethod.CLIENT_SECRET_JWT) {
            throw new OAuthException(OAuthError.INVALID_CLIENT, FAILED, clientId + " is not registered for JWT assertions");
        }
        assertions.verify(client, assertion, audiences);
        return new AuthenticatedClient(client, method);
    }

    private AuthenticatedClient publicClient(FormParameters form) {
        String clientId = form.get(OAuthParameters.CLIENT_ID)
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_CLIENT, "Client authentication is required"));
        Client client = known(clientId);
        if (client.authMethod() != ClientAuthMethod.NONE) {
            throw new OAuthException(OAuthError.INVALID_CLIENT, FAILED, clientId + " is confidential but sent no credentials");
        }
        return new AuthenticatedClient(client, ClientAuthMethod.NONE);
    }

    private Client known(String clientId) {
        return directory.find(clientId).filter(Client::enabled)
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_CLIENT, FAILED, "unknown or disabled client"));
    }

    private static void checkSameClientId(FormParameters form, String authenticated) {
        form.get(OAuthParameters.CLIENT_ID).filter(id -> !id.equals(authenticated)).ifPresent(id -> {
            throw new OAuthException(OAuthError.INVALID_CLIENT, "client_id does not match the authenticated client");
        });
    }
}
