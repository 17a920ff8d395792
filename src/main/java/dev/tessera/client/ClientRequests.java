package dev.tessera.client;

import dev.tessera.config.Issuer;
import dev.tessera.oauth.Endpoints;
import dev.tessera.oauth.FormParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * The common first steps of the token, introspection and revocation endpoints: read the form body
 * strictly, then authenticate the client. A client assertion's {@code aud} may name the issuer, the
 * token endpoint (RFC 7523 §3) or the endpoint actually called.
 */
@ApplicationScoped
public class ClientRequests {

    @Inject
    Issuer issuer;

    @Inject
    ClientAuthenticator authenticator;

    /** A form request and the client that sent it. */
    public record ClientRequest(FormParameters form, AuthenticatedClient client) {
    }

    public ClientRequest read(String endpoint, String contentType, String authorization, String body, Set<String> repeatable) {
        FormParameters form = FormParameters.fromPost(contentType, body, repeatable);
        List<String> audiences = endpoint.equals(Endpoints.TOKEN)
                ? List.of(issuer.url(), issuer.endpoint(Endpoints.TOKEN))
                : List.of(issuer.url(), issuer.endpoint(endpoint), issuer.endpoint(Endpoints.TOKEN));
        return new ClientRequest(form, authenticator.authenticate(authorization, form, audiences));
    }
}
