package dev.tessera.client;

import dev.tessera.config.OutboundSettings;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.Use;
import org.jose4j.lang.JoseException;

/**
 * A client's public keys, from its registered {@code jwks} or fetched from its {@code jwks_uri}. Keys
 * never come from a JWT's own {@code jku}, {@code x5u}, {@code jwk} or {@code x5c} header. Fetches are
 * bounded in time and size, refuse private and loopback addresses and plain http unless configured
 * (server-side request forgery), and are cached for {@code tessera.outbound.jwks-cache-ttl}.
 */
@ApplicationScoped
public class ClientKeySource {

    @Inject
    OutboundSettings settings;

    @Inject
    Clock clock;

    private final ConcurrentHashMap<String, Fetched> cache = new ConcurrentHashMap<>();
    private volatile HttpClient http;

    private record Fetched(List<JsonWebKey> keys, Instant fetchedAt) {
    }

    public List<JsonWebKey> keysOf(Client client) {
        try {
            if (client.jwks() != null) {
                // Also a key registered before the rules existed: a weak key verifies nothing.
                return acceptable(new JsonWebKeySet(client.jwks()).getJsonWebKeys(), "The client's registered jwks");
            }
            if (client.jwksUri() != null) {
                return fetch(client.jwksUri());
            }
        } catch (JoseException | ClassCastException e) {
            // jose4j throws ClassCastException for JSON of the wrong shape, e.g. {"keys": 5}.
            throw invalid("The client's registered JWK Set cannot be parsed");
        }
        throw invalid("The client has no registered jwks or jwks_uri to verify its assertion with");
    }

    /**
     * The keys published at a JWK Set URL that is not a client's (a trusted assertion issuer's), with the
     * same guards and cache. Failures are {@code invalid_client} like a client's; callers translate them.
     */
    public List<JsonWebKey> keysAt(String uri) {
        try {
            return fetch(uri);
        } catch (JoseException | ClassCastException | IllegalArgumentException e) {
            throw invalid("The JWK Set at " + uri + " cannot be parsed");
        }
    }

    private List<JsonWebKey> fetch(String uri) throws JoseException {
        Fetched cached = cache.get(uri);
        Instant now = clock.instant();
        if (cached != null && cached.fetchedAt().plus(settings.jwksCacheTtl()).isAfter(now)) {
            return cached.keys();
        }
        URI target;
        try {
            target = new URI(uri);
        } catch (URISyntaxException e) {
            throw invalid("The jwks_uri is not a valid URI");
        }
        List<JsonWebKey> keys = acceptable(new JsonWebKeySet(download(target)).getJsonWebKeys(), "The JWK Set at the jwks_uri");
        cache.put(uri, new Fetched(keys, now));
        return keys;
    }

    /**
     * The signing keys of a set, refused whole if one of them is weak ({@link ClientKeyRules}): a set that
     * publishes a 1024-bit key would let whoever factors it sign as the client. Keys published for encryption
     * ({@code use enc}) are left out rather than refused, since a jwks_uri often serves other purposes too.
     */
    public static List<JsonWebKey> acceptable(List<JsonWebKey> keys, String source) {
        List<JsonWebKey> signing = keys.stream().filter(k -> k.getUse() == null || Use.SIGNATURE.equals(k.getUse())).toList();
        for (JsonWebKey key : signing) {
            ClientKeyRules.refusal(key).ifPresent(reason -> {
                throw invalid(source + " is refused: " + reason);
            });
        }
        return signing;
    }

    String download(URI uri) {
        checkTarget(uri);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout()).GET().build();
        try {
            HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(settings.maxBytes() + 1);
                if (response.statusCode() != 200 || bytes.length > settings.maxBytes()) {
                    throw invalid("The client's jwks_uri answered " + response.statusCode() + " or more than "
                            + settings.maxBytes() + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw invalid("The client's jwks_uri could not be fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw invalid("The client's jwks_uri could not be fetched");
        }
    }

    private void checkTarget(URI uri) {
        boolean https = "https".equals(uri.getScheme());
        if (!https && !(settings.allowHttp() && "http".equals(uri.getScheme()))) {
            throw invalid("The client's jwks_uri must use https");
        }
        if (settings.allowPrivateNetworks()) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isPrivate(address)) {
                    throw invalid("The client's jwks_uri points to a private or loopback address");
                }
            }
        } catch (UnknownHostException e) {
            throw invalid("The client's jwks_uri host cannot be resolved");
        }
    }

    /** Loopback, wildcard, link-local, site-local, multicast or IPv6 unique-local: never a target of a server-side request. */
    public static boolean isPrivate(InetAddress address) {
        byte[] raw = address.getAddress();
        boolean uniqueLocalV6 = raw.length == 16 && (raw[0] & 0xFE) == 0xFC;
        return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocalV6;
    }

    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            c = HttpClient.newBuilder().connectTimeout(settings.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            http = c;
        }
        return c;
    }

    private static OAuthException invalid(String description) {
        return new OAuthException(OAuthError.INVALID_CLIENT, description);
    }
}
