package dev.tessera.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The web origin of an http(s) URI serialised as browsers serialise it (RFC 6454 §6.2, the HTML Standard's
 * "ASCII serialization of an origin"): lower-case scheme and host, the port only when it is not the scheme's
 * default. What a browser's {@code MessageEvent.origin} carries and what CSP source lists name.
 */
public final class WebOrigin {
    private WebOrigin() {
    }

    /** {@code scheme://host[:port]}, or empty for a URI without a web origin (private-use schemes, no host). */
    public static Optional<String> of(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        try {
            URI u = new URI(uri);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || u.getHost() == null) {
                return Optional.empty();
            }
            int port = u.getPort();
            boolean defaultPort = port < 0 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
            return Optional.of(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
