package dev.tessera.token;

import dev.tessera.client.AccessTokenFormat;
import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.config.Issuer;
import dev.tessera.config.ResourceAlgorithms;
import dev.tessera.config.TokenSettings;
import dev.tessera.keys.KeyFixtures;
import dev.tessera.keys.KeyRing;
import dev.tessera.keys.SigningAlgorithm;
import dev.tessera.oauth.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The access token issuer and inspector wired by hand over a real key ring (ES256 and RS256 keys) and
 * in-memory revocation list and opaque token store.
 */
final class TokenFixtures {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final String ISSUER = "https://sso.example.com";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final TokenSettings SETTINGS = new TokenSettings(LIFETIME, "ES256", Duration.ofMinutes(5), Duration.ofSeconds(30),
            Duration.ofMinutes(10), Duration.ofHours(10), Duration.ofMinutes(30), Duration.ZERO, Duration.ofDays(30));

    /** Key generation (RSA especially) is the slow part; the ring never changes, so every test shares it. */
    private static final KeyRing RING = KeyFixtures.ring(Clock.fixed(NOW, ZoneOffset.UTC), SigningAlgorithm.ES256,
            SigningAlgorithm.RS256);

    final KeyRing ring = RING;
    final FakeRevocationList revocations = new FakeRevocationList();
    final FakeOpaqueTokens opaqueTokens = new FakeOpaqueTokens();
    final AccessTokenIssuer issuer = new AccessTokenIssuer();

    TokenFixtures() {
        issuer.issuer = new Issuer(ISSUER);
        issuer.signer = KeyFixtures.signer(ring);
        issuer.settings = SETTINGS;
        issuer.resourceAlgorithms = new ResourceAlgorithms(Map.of());
        issuer.opaqueTokens = opaqueTokens;
        issuer.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** An inspector whose clock reads {@code at}. */
    AccessTokenInspector inspectorAt(Instant at) {
        AccessTokenInspector inspector = new AccessTokenInspector();
        inspector.issuer = new Issuer(ISSUER);
        inspector.ring = ring;
        inspector.settings = SETTINGS;
        inspector.revocations = revocations;
        inspector.opaqueTokens = opaqueTokens;
        inspector.clock = Clock.fixed(at, ZoneOffset.UTC);
        return inspector;
    }

    static Client client(String clientId, AccessTokenFormat format) {
        Client client = new Client(clientId, ClientAuthMethod.CLIENT_SECRET_BASIC, NOW.minus(Duration.ofDays(1)));
        client.accessTokenFormat(format);
        return client;
    }

    static AccessTokenGrant grant(Client client, Set<String> scope, List<String> audiences) {
        return new AccessTokenGrant(client, client.clientId(), scope, audiences, Map.of());
    }

    /** Revocation without a database. */
    static final class FakeRevocationList extends RevocationList {
        final Set<String> revoked = new HashSet<>();

        @Override
        public void revoke(String jti, Instant expiresAt) {
            revoked.add(jti);
        }

        @Override
        public boolean isRevoked(String jti) {
            return revoked.contains(jti);
        }
    }

    /** Opaque tokens in a map keyed, like the table, by the SHA-256 of the value. */
    static final class FakeOpaqueTokens extends OpaqueTokens {
        final Map<String, OpaqueToken> byHash = new HashMap<>();

        @Override
        public void store(String value, String jti, AccessTokenGrant grant, Instant issuedAt, Instant expiresAt) {
            byHash.put(Secrets.sha256Hex(value), new OpaqueToken(Secrets.sha256Hex(value), jti, grant, issuedAt, expiresAt));
        }

        @Override
        public Optional<OpaqueToken> find(String value) {
            return Optional.ofNullable(byHash.get(Secrets.sha256Hex(value)));
        }

        @Override
        public void delete(String value) {
            byHash.remove(Secrets.sha256Hex(value));
        }
    }
}
