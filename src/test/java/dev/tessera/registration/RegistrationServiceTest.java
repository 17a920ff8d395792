package dev.tessera.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.client.Client;
import dev.tessera.client.ClientAuthMethod;
import dev.tessera.client.InMemoryClients;
import dev.tessera.config.RegistrationSettings;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import dev.tessera.oauth.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Registration and RFC 7592 management over in-memory clients and initial access tokens. */
class RegistrationServiceTest {
    private static final String CC = "{\"grant_types\": [\"client_credentials\"], \"scope\": \"read\", \"client_name\": \"Batch\"}";

    private final InMemoryClients clients = new InMemoryClients(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final Map<String, Integer> initialTokens = new HashMap<>();
    private final RegistrationService service = service(false);

    private RegistrationService service(boolean open) {
        RegistrationService s = new RegistrationService();
        s.settings = new RegistrationSettings(open, Duration.ofDays(1), true, Set.of("openid", "profile"));
        s.registry = clients.registry();
        s.clients = clients;
        s.secrets = clients.secrets();
        s.initialTokens = new InitialAccessTokens() {
            @Override
            public boolean consume(String token) {
                Integer left = initialTokens.get(token);
                if (left == null || left < 1) {
                    return false;
                }
                initialTokens.put(token, left - 1);
                return true;
            }
        };
        return s;
    }

    private static void assertError(ThrowingCallable call, OAuthError error, String challenge) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            if (challenge != null) {
                assertThat(e.headers().get("WWW-Authenticate")).isEqualTo(challenge);
            }
        });
    }

    private RegistrationService.Registration registered() {
        initialTokens.put("iat", 1);
        return service.register("Bearer iat", CC);
    }

    @Test
    void closedRegistrationWithoutTokenIs401BeforeTheBodyIsRead() {
        assertError(() -> service.register(null, "not json"), OAuthError.INVALID_TOKEN, BearerToken.CHALLENGE);
    }

    @Test
    void unknownOrUsedUpInitialTokenIs401InvalidToken() {
        String challenge = BearerToken.CHALLENGE + ", error=\"invalid_token\"";
        assertError(() -> service.register("Bearer nope", CC), OAuthError.INVALID_TOKEN, challenge);

        registered();
        assertError(() -> service.register("Bearer iat", CC), OAuthError.INVALID_TOKEN, challenge);
    }

    @Test
    void registrationGeneratesIdSecretAndAHashedRegistrationToken() {
        initialTokens.put("iat", 2);
        RegistrationService.Registration r = service.register("Bearer iat",
                "{\"client_id\": \"chosen\", \"grant_types\": [\"client_credentials\"], \"require_consent\": false}");

        Client client = r.client();
        assertThat(client.clientId()).isNotEqualTo("chosen").hasSizeGreaterThanOrEqualTo(20);
        assertThat(client.requireConsent()).isTrue();
        assertThat(client.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(clients.secrets().matches(client, r.secret())).isTrue();
        assertThat(r.registrationToken()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(client.registrationTokenHash()).isEqualTo(Secrets.sha256Hex(r.registrationToken()));
        assertThat(initialTokens).containsEntry("iat", 1);
    }

    @Test
    void openRegistrationNeedsNoTokenButChecksOneThatIsPresented() {
        RegistrationService open = service(true);

        assertThat(open.register(null, CC).client().clientName()).isEqualTo("Batch");
        assertError(() -> open.register("Bearer unknown", CC), OAuthError.INVALID_TOKEN, null);
    }

    @Test
    void readNeedsThisClientsRegistrationTokenAndNeverShowsTheSecret() {
        RegistrationService.Registration r = registered();
        initialTokens.put("iat2", 1);
        RegistrationService.Registration other = service.register("Bearer iat2", CC);
        String id = r.client().clientId();

        RegistrationService.Registration read = service.read(id, "Bearer " + r.registrationToken());
        assertThat(read.secret()).isNull();
        assertThat(read.registrationToken()).isEqualTo(r.registrationToken());

        assertError(() -> service.read(id, null), OAuthError.INVALID_TOKEN, BearerToken.CHALLENGE);
        assertError(() -> service.read(id, "Bearer wrong"), OAuthError.INVALID_TOKEN, null);
        assertError(() -> service.read(id, "Bearer " + other.registrationToken()), OAuthError.INVALID_TOKEN, null);
        assertError(() -> service.read("no-such-client", "Bearer " + r.registrationToken()), OAuthError.INVALID_TOKEN, null);
    }

    @Test
    void updateNeedsTheSameClientIdAndTheCurrentSecretIfOneIsSent() {
        RegistrationService.Registration r = registered();
        String id = r.client().clientId();
        String auth = "Bearer " + r.registrationToken();

        assertError(() -> service.update(id, auth, CC), OAuthError.INVALID_CLIENT_METADATA, null);
        assertError(() -> service.update(id, auth, "{\"client_id\": \"other\"}"), OAuthError.INVALID_CLIENT_METADATA, null);
        assertError(() -> service.update(id, auth, "{\"client_id\": \"" + id + "\", \"client_secret\": \"mine\","
                + " \"grant_types\": [\"client_credentials\"]}"), OAuthError.INVALID_CLIENT_METADATA, null);

        RegistrationService.Registration updated = service.update(id, auth, "{\"client_id\": \"" + id + "\", \"client_secret\": \""
                + r.secret() + "\", \"grant_types\": [\"client_credentials\"], \"scope\": \"read write\"}");
        assertThat(updated.client().allowedScopes()).containsExactly("read", "write");
        assertThat(updated.client().clientName()).as("omitted, so removed (RFC 7592 §2.2)").isNull();
        assertThat(updated.secret()).isNull();
    }

    @Test
    void updateKeepsOperatorSettings() {
        RegistrationService.Registration r = registered();
        r.client().requireConsent(false);
        r.client().allowedResources(Set.of("https://api.example"));
        String id = r.client().clientId();

        Client updated = service.update(id, "Bearer " + r.registrationToken(), "{\"client_id\": \"" + id + "\","
                + " \"grant_types\": [\"client_credentials\"], \"require_consent\": true, \"allowed_resources\": []}").client();

        assertThat(updated.requireConsent()).isFalse();
        assertThat(updated.allowedResources()).containsExactly("https://api.example");
    }

    @Test
    void deleteInvalidatesTheRegistrationToken() {
        RegistrationService.Registration r = registered();
        String id = r.client().clientId();
        String auth = "Bearer " + r.registrationToken();

        service.delete(id, auth);

        assertThat(clients.find(id)).isEmpty();
        assertError(() -> service.read(id, auth), OAuthError.INVALID_TOKEN, null);
        assertError(() -> service.delete(id, auth), OAuthError.INVALID_TOKEN, null);
    }
}
