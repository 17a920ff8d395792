package dev.tessera.client;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * What a registered redirect URI may be. RFC 6749 §3.1.2: "MUST be an absolute URI" and "MUST NOT
 * include a fragment component". RFC 9700 §2.6 forbids plain http except for native apps on a
 * loopback IP literal (RFC 8252 §7.3, §8.3: "localhost" is NOT RECOMMENDED, so only 127.0.0.1 and
 * [::1] are accepted). RFC 8252 §7.1: private-use schemes use a reverse domain name, so they contain a dot.
 */
@ApplicationScoped
public class RedirectUriRules {
    private static final Set<String> DANGEROUS_SCHEMES = Set.of("javascript", "data", "file", "vbscript", "blob");

    public void check(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid("redirect URI is not a valid URI: " + value);
        }
        if (!uri.isAbsolute()) {
            throw invalid("redirect URI must be absolute: " + value);
        }
        if (uri.getRawFragment() != null || value.contains("#")) {
            throw invalid("redirect URI must not contain a fragment: " + value);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (DANGEROUS_SCHEMES.contains(scheme)) {
            throw invalid("redirect URI scheme is not allowed: " + scheme);
        }
        if (scheme.equals("https")) {
            requireHost(uri, value);
        } else if (scheme.equals("http")) {
            requireHost(uri, value);
            if (!isLoopbackIp(uri.getHost())) {
                throw invalid("http redirect URIs are allowed only on 127.0.0.1 or [::1] (RFC 8252 §7.3): " + value);
            }
        } else if (!scheme.contains(".")) {
            throw invalid("private-use URI schemes must be reverse domain names such as com.example.app (RFC 8252 §7.1): " + value);
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("redirect URI must not contain user information: " + value);
        }
    }

    public static boolean isLoopbackIp(String host) {
        return host != null && (host.equals("127.0.0.1") || host.equals("[::1]"));
    }

    private static void requireHost(URI uri, String value) {
        if (uri.getHost() == null) {
            throw invalid("redirect URI must have a host: " + value);
        }
    }

    private static OAuthException invalid(String description) {
        return new OAuthException(OAuthError.INVALID_REDIRECT_URI, description);
    }
}
