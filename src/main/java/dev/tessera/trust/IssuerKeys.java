package dev.tessera.trust;

import dev.tessera.client.ClientKeySource;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * A trusted issuer's public keys: its inline JWK Set, or its {@code jwks_uri} fetched through
 * {@link ClientKeySource}, so the same bounds, cache and server-side request forgery guard apply. Never a
 * key named by the assertion itself ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}).
 */
@ApplicationScoped
public class IssuerKeys {

    @Inject
    ClientKeySource fetcher;

    public List<JsonWebKey> keysOf(TrustedIssuer issuer) {
        try {
            if (issuer.jwks() != null) {
                return ClientKeySource.acceptable(new JsonWebKeySet(issuer.jwks()).getJsonWebKeys(), "The issuer's registered jwks");
            }
            return fetcher.keysAt(issuer.jwksUri());
        } catch (JoseException | ClassCastException e) {
            throw unavailable(issuer, e.toString());
        } catch (OAuthException e) {
            throw unavailable(issuer, e.description());
        }
    }

    private static OAuthException unavailable(TrustedIssuer issuer, String detail) {
        return new OAuthException(OAuthError.INVALID_GRANT, "The keys of the assertion's issuer cannot be loaded",
                "trusted issuer " + issuer.id() + ": " + detail);
    }
}
