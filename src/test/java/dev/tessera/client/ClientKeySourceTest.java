package dev.tessera.client;

import static dev.tessera.oauth.OAuthAssertions.assertOAuthError;
import static dev.tessera.oauth.OAuthAssertions.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.OutboundSettings;
import dev.tessera.oauth.OAuthError;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a client's keys come from: its registered jwks, or its jwks_uri (fetched, cached, never from the JWT). */
class ClientKeySourceTest {
    private static final Duration TTL = Duration.ofMinutes(5);
    private final Client client = new Client("key-client", ClientAuthMethod.PRIVATE_KEY_JWT, Instant.EPOCH);
    private final FakeDownloads source = new FakeDownloads();
    private Instant now = Instant.parse("2025-06-01T12:00:00Z");

    ClientKeySourceTest() {
        source.settings = new OutboundSettings(false, false, Duration.ofSeconds(1), 10_000, TTL);
        source.clock = new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
    }

    @Test
    void aStoredJwksUriThatIsNotAUriIsInvalidClientNotAnError() {
        client.jwksUri("https://a b/jwks");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> source.keysOf(client))
                .isInstanceOf(dev.tessera.oauth.OAuthException.class)
                .hasMessageContaining("not a valid URI");
        assertThat(source.requests).isEmpty();
    }

    @Test
    void registeredJwksAreUsedAsTheyAre() throws Exception {
        PublicJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        key.setKeyId("k1");
        client.jwks("{\"keys\": [" + key.toJson(OutputControlLevel.PUBLIC_ONLY) + "]}");

        assertThat(source.keysOf(client)).extracting(JsonWebKey::getKeyId).containsExactly("k1");
        assertThat(source.requests).isEmpty();
    }

    @Test
    void aJwksUriIsFetchedOnceAndReusedUntilTheTtlEnds() throws Exception {
        client.jwksUri("https://app.example.com/jwks");
        source.body = "{\"keys\": [" + EcJwkGenerator.generateJwk(EllipticCurves.P256).toJson(OutputControlLevel.PUBLIC_ONLY) + "]}";

        assertThat(source.keysOf(client)).hasSize(1);
        now = now.plus(TTL).minusSeconds(1);
        assertThat(source.keysOf(client)).hasSize(1);
        assertThat(source.requests).hasSize(1);

        now = now.plusSeconds(1);
        source.keysOf(client);
        assertThat(source.requests).containsExactly(URI.create("https://app.example.com/jwks"), URI.create("https://app.example.com/jwks"));
    }

    /** Issue 18 point 5: a weak key at the jwks_uri (or stored before the rules) refuses the set; encryption keys are left out. */
    @Test
    void aWeakKeyAtTheJwksUriRefusesTheSetAndEncryptionKeysAreLeftOut() throws Exception {
        RsaJsonWebKey weak = RsaJwkGenerator.generateJwk(1024);
        weak.setKeyId("weak");
        PublicJsonWebKey good = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        good.setKeyId("good");
        PublicJsonWebKey enc = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        enc.setKeyId("enc");
        enc.setUse("enc");
        client.jwksUri("https://app.example.com/jwks");
        source.body = "{\"keys\": [" + good.toJson(OutputControlLevel.PUBLIC_ONLY) + "," + weak.toJson(OutputControlLevel.PUBLIC_ONLY) + "]}";
        assertThat(thrown(OAuthError.INVALID_CLIENT, () -> source.keysOf(client)).description()).contains("jwks_uri", "'weak'", "1024 bits");

        now = now.plus(TTL);
        source.body = "{\"keys\": [" + good.toJson(OutputControlLevel.PUBLIC_ONLY) + "," + enc.toJson(OutputControlLevel.PUBLIC_ONLY) + "]}";
        assertThat(source.keysOf(client)).extracting(JsonWebKey::getKeyId).containsExactly("good");

        client.jwksUri(null);
        client.jwks("{\"keys\": [" + weak.toJson(OutputControlLevel.PUBLIC_ONLY) + "]}");
        assertThat(thrown(OAuthError.INVALID_CLIENT, () -> source.keysOf(client)).description()).contains("registered jwks", "1024 bits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"keys\": 5}", "{\"keys\": [5]}", "not json", "[]"})
    void aMalformedJwkSetIsInvalidClientNotA500(String body) {
        client.jwks(body);
        assertOAuthError(OAuthError.INVALID_CLIENT, () -> source.keysOf(client));

        client.jwks(null);
        client.jwksUri("https://app.example.com/jwks");
        source.body = body;
        assertOAuthError(OAuthError.INVALID_CLIENT, () -> source.keysOf(client));
    }

    @Test
    void aClientWithoutKeysIsInvalidClient() {
        assertOAuthError(OAuthError.INVALID_CLIENT, () -> source.keysOf(client)).hasMessageContaining("no registered jwks");
    }

    @Test
    void privateLoopbackAndLinkLocalAddressesAreRecognised() throws UnknownHostException {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "::1", "fe80::1", "fc00::1", "fd12:3456::1", "224.0.0.1")) {
            assertThat(ClientKeySource.isPrivate(InetAddress.getByName(address))).as(address).isTrue();
        }
        for (String address : List.of("93.184.216.34", "8.8.8.8", "2606:4700::1111")) {
            assertThat(ClientKeySource.isPrivate(InetAddress.getByName(address))).as(address).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example.com/jwks", "ftp://app.example.com/jwks", "http://127.0.0.1/jwks"})
    void downloadsRefuseAnythingButHttps(String uri) {
        assertOAuthError(OAuthError.INVALID_CLIENT, () -> realSource().download(URI.create(uri)))
                .hasMessageContaining("must use https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/jwks", "https://10.0.0.1/jwks", "https://[::1]/jwks", "https://169.254.169.254/"})
    void downloadsRefusePrivateTargetsBeforeConnecting(String uri) {
        assertOAuthError(OAuthError.INVALID_CLIENT, () -> realSource().download(URI.create(uri)))
                .hasMessageContaining("private or loopback");
    }

    private ClientKeySource realSource() {
        ClientKeySource real = new ClientKeySource();
        real.settings = source.settings;
        return real;
    }

    /** The HTTP download replaced by a canned body; the caching and parsing around it are the real ones. */
    static final class FakeDownloads extends ClientKeySource {
        final List<URI> requests = new ArrayList<>();
        String body;

        @Override
        String download(URI uri) {
            requests.add(uri);
            return body;
        }
    }
}
