package dev.tessera.config;

import java.net.URI;

/**
 * The configured issuer identifier, from which every published URL derives. It is never taken from
 * the request's Host or X-Forwarded-* headers, which a caller controls (RFC 8414 §3.3: the issuer in
 * metadata MUST be identical to the one the client used).
 */
public record Issuer(String url) {

    public Issuer {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ConfigKeys.ISSUER + " is not a URL: " + url, e);
        }
        // RFC 8414 §2: "a URL that uses the https scheme and has no query or fragment components".
        // Plain http is tolerated for development and warned about at start-up.
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException(ConfigKeys.ISSUER + " must be an http(s) URL: " + url);
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    ConfigKeys.ISSUER + " must have a host and no query, fragment or user info: " + url);
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
    }

    /** The absolute URL of an endpoint path such as {@code /jwks}. */
    public String endpoint(String path) {
        return url + path;
    }

    public boolean isHttps() {
        return url.startsWith("https:");
    }

    /**
     * A cookie's name as this issuer sets and reads it. With an https issuer the name carries the prefix that
     * makes browsers refuse any cookie of that name not set Secure by this host: {@code __Host-} for
     * {@code Path=/} (RFC 6265bis §4.1.3.2, also no Domain), {@code __Secure-} for a narrower path (§4.1.3.1).
     * Plain http (development) cannot use either.
     */
    public String cookieName(String name, String path) {
        if (!isHttps()) {
            return name;
        }
        return ("/".equals(path) ? "__Host-" : "__Secure-") + name;
    }

    /** True for http://localhost, 127.0.0.1 and [::1]: the development setups that need no TLS. */
    public boolean isLoopback() {
        String host = URI.create(url).getHost();
        // 127.0.0.0/8 as an IPv4 literal only: a DNS name such as 127.example.com may resolve anywhere.
        return "localhost".equals(host) || host.matches("127(\\.\\d{1,3}){3}") || "[::1]".equals(host);
    }
}
