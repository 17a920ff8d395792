package dev.tessera.client;

import static dev.tessera.client.ClientFixtures.basic;
import static dev.tessera.oauth.OAuthAssertions.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Secret-based and public client authentication (RFC 6749 §2.3.1, §3.2.1). */
class ClientAuthenticatorTest {
    private static final String SECRET = "s3cret value+with:odd chars";
    private final ClientFixtures f = new ClientFixtures();
    private final Client basicClient = f.register("basic-client", ClientAuthMethod.CLIENT_SECRET_BASIC, SECRET);
    private final Client postClient = f.register("post-client", ClientAuthMethod.CLIENT_SECRET_POST, SECRET);
    private final Client publicClient = f.register("spa", ClientAuthMethod.NONE, null);

    @Test
    void basicWithTheRightSecretAuthenticates() {
        AuthenticatedClient result = f.authenticate(basic("basic-client", encoded(SECRET)), "grant_type=client_credentials");

        assertThat(result.client()).isSameAs(basicClient);
        assertThat(result.method()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(result.clientId()).isEqualTo("basic-client");
    }

    @Test
    void basicWithTheSameClientIdInTheFormIsFine() {
        assertThat(f.authenticate(basic("basic-client", encoded(SECRET)), "client_id=basic-client").client())
                .isSameAs(basicClient);
    }

    @Test
    void postWithTheRightSecretAuthenticates() {
        AuthenticatedClient result = f.authenticate(null, "client_id=post-client&client_secret=" + encoded(SECRET));

        assertThat(result.client()).isSameAs(postClient);
        assertThat(result.method()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
    }

    @Test
    void basicForAClientRegisteredForPostIsRefused() {
        OAuthException e = failsWithChallenge(basic("post-client", encoded(SECRET)), "");
        assertThat(e.description()).isEqualTo(ClientAuthenticator.FAILED);
    }

    @Test
    void postForAClientRegisteredForBasicIsRefusedWithoutAChallenge() {
        OAuthException e = thrown(OAuthError.INVALID_CLIENT,
                () -> f.authenticate(null, "client_id=basic-client&client_secret=" + encoded(SECRET)));
        assertThat(e.headers()).doesNotContainKey("WWW-Authenticate");
    }

    @Test
    void aWrongSecretIsInvalidClientWithABasicChallenge() {
        OAuthException e = failsWithChallenge(basic("basic-client", "wrong"), "");
        assertThat(e.description()).isEqualTo(ClientAuthenticator.FAILED);
        assertThat(e.headers().get("WWW-Authenticate")).startsWith("Basic realm=");
    }

    @Test
    void anUnknownClientGetsTheSameAnswerAsAWrongSecret() {
        OAuthException unknown = failsWithChallenge(basic("nobody", encoded(SECRET)), "");
        OAuthException wrong = failsWithChallenge(basic("basic-client", "wrong"), "");

        assertThat(unknown.description()).isEqualTo(wrong.description());
        assertThat(unknown.headers()).isEqualTo(wrong.headers());
    }

    @Test
    void theSecretIsComparedAfterFormDecoding() {
        // Sent without form-encoding, the '+' of the secret decodes to a space: not the secret.
        failsWithChallenge(basic("basic-client", SECRET), "");
    }

    @Test
    void aDisabledClientIsRefusedEvenWithTheRightSecret() {
        basicClient.enabled(false);

        OAuthException e = failsWithChallenge(basic("basic-client", encoded(SECRET)), "");
        assertThat(e.description()).isEqualTo(ClientAuthenticator.FAILED);
    }

    @Test
    void anExpiredSecretIsRefused() {
        postClient.secret(postClient.secretHash(), null, ClientFixtures.NOW.minus(Duration.ofSeconds(1)));

        OAuthException e = thrown(OAuthError.INVALID_CLIENT,
                () -> f.authenticate(null, "client_id=post-client&client_secret=" + encoded(SECRET)));
        assertThat(e.description()).contains("expired");
    }

    @Test
    void aSecretExpiringLaterStillWorks() {
        postClient.secret(postClient.secretHash(), null, ClientFixtures.NOW.plus(Duration.ofDays(1)));

        assertThat(f.authenticate(null, "client_id=post-client&client_secret=" + encoded(SECRET)).client()).isSameAs(postClient);
    }

    @Test
    void usingTwoMethodsAtOnceIsInvalidRequest() {
        thrown(OAuthError.INVALID_REQUEST, () -> f.authenticate(basic("basic-client", encoded(SECRET)),
                "client_secret=" + encoded(SECRET)));
        thrown(OAuthError.INVALID_REQUEST, () -> f.authenticate(null, "client_id=post-client&client_secret=x"
                + "&client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer&client_assertion=a.b.c"));
    }

    @Test
    void aFormClientIdOtherThanTheBasicOneIsInvalidClient() {
        OAuthException e = failsWithChallenge(basic("basic-client", encoded(SECRET)), "client_id=post-client");
        assertThat(e.description()).contains("client_id");
    }

    @Test
    void aPublicClientIdentifiesItselfWithClientIdAlone() {
        AuthenticatedClient result = f.authenticate(null, "client_id=spa&grant_type=authorization_code");

        assertThat(result.client()).isSameAs(publicClient);
        assertThat(result.method()).isEqualTo(ClientAuthMethod.NONE);
    }

    @Test
    void aConfidentialClientSendingOnlyItsClientIdIsRefused() {
        OAuthException e = thrown(OAuthError.INVALID_CLIENT, () -> f.authenticate(null, "client_id=basic-client"));
        assertThat(e.description()).isEqualTo(ClientAuthenticator.FAILED);
    }

    @Test
    void aDisabledPublicClientIsRefused() {
        publicClient.enabled(false);

        thrown(OAuthError.INVALID_CLIENT, () -> f.authenticate(null, "client_id=spa"));
    }

    @Test
    void noCredentialsAtAllIsInvalidClient() {
        OAuthException e = thrown(OAuthError.INVALID_CLIENT, () -> f.authenticate(null, "grant_type=client_credentials"));
        assertThat(e.headers()).isEmpty();
    }

    @Test
    void aPublicClientCannotAuthenticateWithASecret() {
        thrown(OAuthError.INVALID_CLIENT, () -> f.authenticate(null, "client_id=spa&client_secret=anything"));
    }

    @Test
    void clientSecretPostWithoutClientIdIsInvalidRequest() {
        thrown(OAuthError.INVALID_REQUEST, () -> f.authenticate(null, "client_secret=" + encoded(SECRET)));
    }

    /** A method the registry did not ship, added as one more bean: it reads the request context (issue 16's seam). */
    @Test
    void aMethodAddedToTheRegistryAuthenticatesItsClientsFromTheRequestContext() {
        f.deployed.add(new ClientAuthentication() {
            @Override
            public String method() {
                return "test_documentation_network";
            }

            @Override
            public void verify(Client client, PresentedCredentials presented) {
                if (!presented.request().peerAddress().startsWith("192.0.2.")) {
                    throw ClientAuthenticator.failed(client, "is outside 192.0.2.0/24");
                }
            }
        });
        Client network = f.register("network-client", "test_documentation_network", null);

        AuthenticatedClient result = f.authenticate(null, "client_id=network-client");

        assertThat(result.client()).isSameAs(network);
        assertThat(result.method()).isEqualTo("test_documentation_network");
        assertThat(f.methods.methods()).contains("test_documentation_network");
    }

    @Test
    void aClientWhoseMethodIsNoLongerDeployedCannotAuthenticate() {
        f.register("orphan", "tls_client_auth", null);
        thrown(OAuthError.INVALID_CLIENT, () -> f.authenticate(null, "client_id=orphan"));
    }

    private OAuthException failsWithChallenge(String authorization, String form) {
        OAuthException e = thrown(OAuthError.INVALID_CLIENT, () -> f.authenticate(authorization, form));
        assertThat(e.headers()).containsEntry("WWW-Authenticate", ClientAuthenticator.BASIC_CHALLENGE);
        return e;
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
