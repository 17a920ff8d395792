package dev.tessera.http;

import dev.tessera.config.Issuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The {@link RequestContext} of the current servlet request, computed on first use and kept for the request: a token
 * request that never asks for the peer address pays nothing for it. One bean for the application, reading the request
 * through CDI's request proxy, with the resolved forwarding chain kept as a request attribute: a request-scoped bean
 * cost Payara's resource injection (HK2 look-ups, annotation reflection) on every request, 4 % of a
 * client_credentials token's CPU in the profile of 2026-12-07 (docs/performance.md).
 */
@ApplicationScoped
public class ServletRequestContext implements RequestContext {
    static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";
    static final String DPOP = "DPoP";
    static final String RESOLVED_ATTRIBUTE = ServletRequestContext.class.getName() + ".forwarded";

    @Inject
    HttpServletRequest request;

    @Inject
    TrustedProxies proxies;

    @Inject
    Issuer issuer;

    public ServletRequestContext() {
    }

    /** For tests: a context over a given request. */
    public ServletRequestContext(HttpServletRequest request, TrustedProxies proxies, Issuer issuer) {
        this.request = request;
        this.proxies = proxies;
        this.issuer = issuer;
    }

    private ForwardedChain.Resolved resolved() {
        if (request.getAttribute(RESOLVED_ATTRIBUTE) instanceof ForwardedChain.Resolved kept) {
            return kept;
        }
        ForwardedChain.Resolved resolved = ForwardedChain.resolve(request.getRemoteAddr(), proxies.blocks(), headers("Forwarded"),
                headers("X-Forwarded-For"), headers("X-Forwarded-Proto"));
        request.setAttribute(RESOLVED_ATTRIBUTE, resolved);
        return resolved;
    }

    @Override
    public String peerAddress() {
        return resolved().address();
    }

    @Override
    public boolean viaTrustedProxy() {
        return resolved().viaTrustedProxy();
    }

    @Override
    public boolean secureTransport() {
        Boolean forwarded = resolved().tls();
        return forwarded != null ? forwarded : request.isSecure();
    }

    @Override
    public String issuerScheme() {
        return URI.create(issuer.url()).getScheme();
    }

    @Override
    public String issuerHost() {
        return URI.create(issuer.url()).getRawAuthority();
    }

    @Override
    public Optional<X509Certificate> clientCertificate() {
        if (request.getAttribute(CERTIFICATE_ATTRIBUTE) instanceof X509Certificate[] chain && chain.length > 0) {
            return Optional.of(chain[0]);
        }
        return viaTrustedProxy() ? ClientCertificates.fromHeader(request.getHeader(proxies.clientCertHeader())) : Optional.empty();
    }

    @Override
    public Optional<String> dpop() {
        List<String> values = headers(DPOP);
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    @Override
    public int dpopHeaderCount() {
        return headers(DPOP).size();
    }

    @Override
    public Optional<String> cookie(String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            // RFC 6265 §5.4: the browser sends the most specific path first; an empty value is no cookie.
            if (cookie.getName().equals(name) && cookie.getValue() != null && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    @Override
    public String userAgent() {
        String agent = request.getHeader("User-Agent");
        return agent == null ? "" : agent;
    }

    private List<String> headers(String name) {
        return request.getHeaders(name) == null ? List.of() : Collections.list(request.getHeaders(name));
    }
}
