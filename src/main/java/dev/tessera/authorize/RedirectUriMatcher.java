package dev.tessera.authorize;

import dev.tessera.client.RedirectUriRules;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the registered redirect URI a request names. RFC 9700 §4.1.3: "exact string matching"; the
 * single exception is the port of a loopback IP redirect URI, which a native app picks at run time
 * (RFC 8252 §7.3: the server "MUST allow any port to be specified at the time of the request for
 * loopback IP redirect URIs"). No normalisation: case, dot segments, encoded characters, an added
 * query or user info all make a different string and do not match.
 */
public final class RedirectUriMatcher {
    private RedirectUriMatcher() {
    }

    public static boolean matches(String requested, Set<String> registered) {
        if (registered.contains(requested)) {
            return true;
        }
        URI uri = parse(requested);
        if (uri == null || !"http".equals(uri.getScheme()) || !RedirectUriRules.isLoopbackIp(uri.getHost())
                || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return false;
        }
        Optional<String> withoutPort = withoutPort(requested, uri);
        if (withoutPort.isEmpty()) {
            return false;
        }
        return registered.stream().map(r -> {
            URI reg = parse(r);
            return reg != null && "http".equals(reg.getScheme()) && RedirectUriRules.isLoopbackIp(reg.getHost())
                    ? withoutPort(r, reg) : Optional.<String>empty();
        }).anyMatch(withoutPort::equals);
    }

    /** The URI string with ":port" removed from its authority, everything else byte for byte. */
    private static Optional<String> withoutPort(String value, URI uri) {
        String host = "http://" + uri.getHost();
        if (uri.getPort() < 0) {
            return value.startsWith(host) ? Optional.of(value) : Optional.empty();
        }
        String prefix = host + ":" + uri.getPort();
        return value.startsWith(prefix) ? Optional.of(host + value.substring(prefix.length())) : Optional.empty();
    }

    private static URI parse(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
