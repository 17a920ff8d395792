package dev.tessera.http;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The facts of the current request that Tessera decides on, read here instead of from the servlet request,
 * so that every endpoint and page agrees on them and forwarded headers are believed in one place only
 * (RFC 9700 §4.13). The issuer's scheme and host are the configured issuer's, never the request's
 * {@code Host} (docs/architecture.md, "The issuer").
 */
public interface RequestContext {

    /** The client's IP address: the direct peer, or the first hop behind {@code tessera.http.trusted-proxies}. */
    String peerAddress();

    /** Whether the direct peer is a trusted proxy, so forwarded headers were read. */
    boolean viaTrustedProxy();

    /** Whether the client reached Tessera (or its trusted proxy) over TLS. */
    boolean secureTransport();

    /** The configured issuer's scheme, {@code https} in production. */
    String issuerScheme();

    /** The configured issuer's host (and port when it has one), as clients address Tessera. */
    String issuerHost();

    /**
     * The TLS client certificate: from the container's TLS listener, or from the header a trusted
     * TLS-terminating proxy sets ({@code tessera.http.client-cert-header}); for RFC 8705 client authentication
     * and certificate-bound tokens.
     */
    Optional<X509Certificate> clientCertificate();

    /** The raw {@code DPoP} header (RFC 9449 §4.1), when exactly one was sent. */
    Optional<String> dpop();

    /** How many {@code DPoP} headers came: RFC 9449 §4.3 refuses a request with more than one. */
    int dpopHeaderCount();

    /** A cookie's first non-empty value. */
    Optional<String> cookie(String name);

    /** The {@code User-Agent} header, for the sessions a person sees; empty when absent. */
    String userAgent();
}
