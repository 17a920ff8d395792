package dev.tessera.token.grant;

import dev.tessera.client.Client;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.ResourceIndicators;
import dev.tessera.token.Audiences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The audience of an exchanged token (RFC 8693 §2.1 {@code audience} and {@code resource}, both may
 * repeat), limited by the client's exchange policy {@code token_exchange_audiences}: a client may obtain
 * a token for another service only where an administrator allowed it. Without either parameter the
 * token gets the audience any other grant of this client would get ({@link Audiences}).
 */
@ApplicationScoped
public class ExchangeAudiences {

    @Inject
    Audiences audiences;

    public List<String> resolve(Client client, List<String> audience, List<String> resource) {
        // RFC 8693 §2.1: resource "MUST be an absolute URI, as specified by Section 4.3 of [RFC3986]".
        ResourceIndicators.validate(resource);
        if (audience.isEmpty() && resource.isEmpty()) {
            return audiences.resolve(client, List.of());
        }
        Set<String> wanted = new LinkedHashSet<>(audience);
        wanted.addAll(resource);
        for (String target : wanted) {
            // RFC 8693 §2.2.2: "If the authorization server is unwilling or unable to issue a token for any
            // target service indicated by the resource or audience parameters, the invalid_target error code
            // SHOULD be used".
            if (!client.tokenExchangeAudiences().contains(target)) {
                throw new OAuthException(OAuthError.INVALID_TARGET, "This client may not exchange tokens for " + target);
            }
        }
        return List.copyOf(wanted);
    }
}
