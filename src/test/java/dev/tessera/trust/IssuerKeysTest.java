package dev.tessera.trust;

import static dev.tessera.oauth.OAuthAssertions.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.client.ClientKeySource;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.junit.jupiter.api.Test;

/** A trusted issuer's keys: inline, or fetched through the guarded client key source; failures are invalid_grant. */
class IssuerKeysTest {
    private final List<String> fetched = new ArrayList<>();
    private final IssuerKeys keys = new IssuerKeys();
    private final TrustedIssuer issuer = new TrustFixtures().trust("idp", "https://idp.example.com", SubjectMapping.SERVICE);

    IssuerKeysTest() {
        keys.fetcher = new ClientKeySource() {
            @Override
            public List<JsonWebKey> keysAt(String uri) {
                fetched.add(uri);
                throw new OAuthException(OAuthError.INVALID_CLIENT, "The client's jwks_uri points to a private or loopback address");
            }
        };
    }

    @Test
    void inlineKeysAreUsedWithoutFetching() {
        assertThat(keys.keysOf(issuer)).extracting(JsonWebKey::getKeyId).containsExactly("idp-rsa-1", "idp-ec-1");
        assertThat(fetched).isEmpty();
    }

    @Test
    void aFailedFetchIsInvalidGrantWithoutTheClientWording() {
        TrustedIssuer remote = new TrustedIssuer("remote", Instant.EPOCH);
        remote.jwksUri("https://10.0.0.1/jwks");

        OAuthException e = thrown(OAuthError.INVALID_GRANT, () -> keys.keysOf(remote));
        assertThat(e.description()).doesNotContain("client");
        assertThat(e.logDetail()).contains("private or loopback");
        assertThat(fetched).containsExactly("https://10.0.0.1/jwks");
    }
}
