package dev.tessera.token;

import dev.tessera.client.Client;
import dev.tessera.config.Issuer;
import dev.tessera.config.ResourceAlgorithms;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.ResourceIndicators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The audience of an access token (RFC 8707 §2, RFC 9068 §3 aud). Requested resources must each be
 * allowed for the client ({@code invalid_target} otherwise). Without a request, the token is for all of
 * the client's allowed resources, or for this server itself when the client has none.
 */
@ApplicationScoped
public class Audiences {

    @Inject
    Issuer issuer;

    @Inject
    ResourceAlgorithms algorithms;

    public Audiences() {
    }

    public Audiences(Issuer issuer, ResourceAlgorithms algorithms) {
        this.issuer = issuer;
        this.algorithms = algorithms;
    }

    /**
     * Also refuses resources that require different signing algorithms (one token has one signature),
     * here, before any code, device code or refresh token is consumed, rather than when the token is signed.
     */
    public List<String> resolve(Client client, List<String> requested) {
        List<String> resolved = allowed(client, requested);
        try {
            algorithms.requiredBy(resolved);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(OAuthError.INVALID_TARGET, e.getMessage());
        }
        return resolved;
    }

    private List<String> allowed(Client client, List<String> requested) {
        ResourceIndicators.validate(requested);
        if (requested.isEmpty()) {
            return client.allowedResources().isEmpty() ? List.of(issuer.url()) : new ArrayList<>(client.allowedResources());
        }
        for (String resource : requested) {
            if (!client.allowedResources().contains(resource)) {
                throw new OAuthException(OAuthError.INVALID_TARGET, "resource not allowed for this client: " + resource);
            }
        }
        return List.copyOf(new LinkedHashSet<>(requested));
    }
}
