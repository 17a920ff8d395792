package dev.tessera.http;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;

/** A request context with fixed facts, for unit tests of what reads one. */
public record FixedRequestContext(String peerAddress, Map<String, String> cookies, Optional<X509Certificate> clientCertificate,
        Optional<String> dpop) implements RequestContext {

    public static FixedRequestContext from(String peerAddress) {
        return new FixedRequestContext(peerAddress, Map.of(), Optional.empty(), Optional.empty());
    }

    @Override
    public boolean viaTrustedProxy() {
        return false;
    }

    @Override
    public boolean secureTransport() {
        return true;
    }

    @Override
    public String issuerScheme() {
        return "https";
    }

    @Override
    public String issuerHost() {
        return "sso.example.com";
    }

    @Override
    public int dpopHeaderCount() {
        return dpop.isPresent() ? 1 : 0;
    }

    @Override
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    @Override
    public String userAgent() {
        return "JUnit";
    }
}
