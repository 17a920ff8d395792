package dev.tessera.client;

import dev.tessera.client.auth.ClientSecretBasic;
import dev.tessera.client.auth.ClientSecretJwt;
import dev.tessera.client.auth.ClientSecretPost;
import dev.tessera.client.auth.NoClientAuthentication;
import dev.tessera.client.auth.PrivateKeyJwt;
import dev.tessera.config.KeyEncryptionSecret;
import dev.tessera.config.OutboundSettings;
import dev.tessera.config.TokenSettings;
import dev.tessera.keys.KeyEncryptor;
import dev.tessera.http.FixedRequestContext;
import dev.tessera.oauth.FormParameters;
import dev.tessera.oauth.GrantTypes;
import dev.tessera.oauth.OAuthParameters;
import dev.tessera.persistence.ReplayGuard;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Client authentication wired by hand from this package: the real authenticator, secrets and assertion
 * verifier over an in-memory client directory and replay guard, a fixed clock and no database.
 */
final class ClientFixtures {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ISSUER = "https://sso.example.com";
    static final String TOKEN_ENDPOINT = ISSUER + "/token";
    static final List<String> AUDIENCES = List.of(ISSUER, TOKEN_ENDPOINT);
    static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(5);
    static final Duration SKEW = Duration.ofSeconds(30);
    static final TokenSettings TOKEN_SETTINGS = new TokenSettings(Duration.ofMinutes(10), "RS256",
            MAX_ASSERTION_LIFETIME, SKEW, Duration.ofMinutes(10), Duration.ofHours(10), Duration.ofMinutes(30), Duration.ZERO, Duration.ofDays(30));
    /** PBKDF2 of the development secret takes a noticeable fraction of a second: derive it once. */
    static final KeyEncryptor ENCRYPTOR = new KeyEncryptor(KeyEncryptionSecret.developmentDefault());

    final FakeDirectory directory = new FakeDirectory();
    final FakeReplayGuard replay = new FakeReplayGuard();
    final List<ClientAuthentication> deployed = new ArrayList<>();
    final ClientAuthentications methods = new ClientAuthentications(deployed);
    final ClientSecrets secrets = new ClientSecrets(ENCRYPTOR, methods);
    final ClientKeySource keys = new ClientKeySource();
    final ClientAssertionVerifier verifier = new ClientAssertionVerifier();
    final ClientAuthenticator authenticator = new ClientAuthenticator(directory, methods, FixedRequestContext.from("192.0.2.1"));

    ClientFixtures() {
        keys.settings = new OutboundSettings(false, false, Duration.ofSeconds(1), 10_000, Duration.ofMinutes(5));
        keys.clock = CLOCK;
        verifier.keys = keys;
        verifier.secrets = secrets;
        verifier.replay = replay;
        verifier.settings = TOKEN_SETTINGS;
        verifier.clock = CLOCK;
        deployed.addAll(List.of(new ClientSecretBasic(secrets, CLOCK), new ClientSecretPost(secrets, CLOCK), new ClientSecretJwt(verifier),
                new PrivateKeyJwt(verifier), new NoClientAuthentication()));
    }

    /** Every grant type Tessera's capabilities serve, as the deployed grant type sources report them. */
    static final KnownGrantTypes GRANTS = new KnownGrantTypes(Set.of(GrantTypes.AUTHORIZATION_CODE, GrantTypes.CLIENT_CREDENTIALS,
            GrantTypes.REFRESH_TOKEN, GrantTypes.PASSWORD, GrantTypes.IMPLICIT, GrantTypes.DEVICE_CODE, GrantTypes.TOKEN_EXCHANGE,
            GrantTypes.JWT_BEARER));

    /** The metadata policy wired by hand with these methods and every grant type. */
    ClientMetadataPolicy policy() {
        ClientMetadataPolicy policy = new ClientMetadataPolicy();
        policy.redirectUris = new RedirectUriRules();
        policy.methods = methods;
        policy.knownGrants = GRANTS;
        return policy;
    }

    /** Registers an enabled client; with a secret when given one. */
    Client register(String clientId, String method, String secret) {
        Client client = new Client(clientId, method, NOW.minus(Duration.ofDays(1)));
        if (secret != null) {
            secrets.assign(client, secret);
        }
        directory.clients.put(clientId, client);
        return client;
    }

    AuthenticatedClient authenticate(String authorization, String formBody) {
        return authenticator.authenticate(authorization, form(formBody), AUDIENCES);
    }

    AuthenticatedClient authenticateWithAssertion(String assertion) {
        return authenticate(null, "grant_type=client_credentials&" + OAuthParameters.CLIENT_ASSERTION_TYPE + "="
                + OAuthParameters.JWT_BEARER_ASSERTION_TYPE + "&" + OAuthParameters.CLIENT_ASSERTION + "=" + assertion);
    }

    static FormParameters form(String body) {
        return FormParameters.parse(body, Set.of(OAuthParameters.RESOURCE));
    }

    /** An Authorization header carrying exactly these (already form-encoded) halves. */
    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The directory without a database or cache: find() reads a map. */
    static final class FakeDirectory extends ClientDirectory {
        final Map<String, Client> clients = new HashMap<>();

        @Override
        public Optional<Client> find(String clientId) {
            return Optional.ofNullable(clients.get(clientId));
        }
    }

    /** The replay guard without a database: an in-memory set of seen keys. */
    static final class FakeReplayGuard extends ReplayGuard {
        final Set<String> seen = new HashSet<>();
        final List<Instant> expiries = new ArrayList<>();

        @Override
        public boolean firstUse(String purpose, String id, Instant expiresAt) {
            expiries.add(expiresAt);
            return seen.add(purpose + "\u0000" + id);
        }
    }
}
