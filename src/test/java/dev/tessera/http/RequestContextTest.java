package dev.tessera.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.config.Issuer;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The request context behind a trusted proxy and behind an untrusted one (RFC 9700 §4.13). */
class RequestContextTest {
    private static final TrustedProxies PROXIES = new TrustedProxies(IpBlocks.parse(List.of("10.0.0.0/8")), "Client-Cert");
    private static final Issuer ISSUER = new Issuer("https://sso.example.com:8443");

    private static RequestContext context(String peer, Map<String, List<String>> headers) {
        return new ServletRequestContext(TestRequests.request(peer, headers, null, Map.of(), false), PROXIES, ISSUER);
    }

    static X509Certificate certificate() throws IOException, CertificateException {
        try (InputStream in = RequestContextTest.class.getResourceAsStream("/http/client-cert.pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /**
     * The context is one bean for the application (a request-scoped one cost 4 % of a token's CPU): what it resolves
     * must live with the request it came from, never in the bean, or one client's address would be another's.
     */
    @Test
    void oneContextServesEveryRequestAndKeepsNothingFromTheOneBefore() {
        HttpServletRequest proxied = TestRequests.request("10.0.0.5", Map.of("X-Forwarded-For", List.of("203.0.113.7")), null, Map.of(), false);
        HttpServletRequest direct = TestRequests.request("198.51.100.9", Map.of(), null, Map.of(), false);
        AtomicReference<HttpServletRequest> current = new AtomicReference<>(proxied);
        HttpServletRequest currentRequest = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> method.invoke(current.get(), args));
        RequestContext c = new ServletRequestContext(currentRequest, PROXIES, ISSUER);

        assertThat(c.peerAddress()).isEqualTo("203.0.113.7");
        assertThat(proxied.getAttribute(ServletRequestContext.RESOLVED_ATTRIBUTE)).as("kept with its request").isNotNull();
        current.set(direct);
        assertThat(c.peerAddress()).isEqualTo("198.51.100.9");
        assertThat(c.viaTrustedProxy()).isFalse();
        current.set(proxied);
        assertThat(c.viaTrustedProxy()).isTrue();
    }

    @Test
    void behindATrustedProxyTheForwardedClientTlsAndCertificateCount() throws Exception {
        String der = ":" + Base64.getEncoder().encodeToString(certificate().getEncoded()) + ":";
        RequestContext c = context("10.0.0.5", Map.of("X-Forwarded-For", List.of("203.0.113.7"), "X-Forwarded-Proto", List.of("https"),
                "Client-Cert", List.of(der)));

        assertThat(c.peerAddress()).isEqualTo("203.0.113.7");
        assertThat(c.viaTrustedProxy()).isTrue();
        assertThat(c.secureTransport()).isTrue();
        assertThat(c.clientCertificate()).contains(certificate());
    }

    @Test
    void behindAnUntrustedPeerForwardedHeadersAndCertificateHeadersAreIgnored() throws Exception {
        String der = ":" + Base64.getEncoder().encodeToString(certificate().getEncoded()) + ":";
        RequestContext c = context("198.51.100.9", Map.of("X-Forwarded-For", List.of("203.0.113.7"), "X-Forwarded-Proto",
                List.of("https"), "Forwarded", List.of("for=203.0.113.8;proto=https"), "Client-Cert", List.of(der)));

        assertThat(c.peerAddress()).isEqualTo("198.51.100.9");
        assertThat(c.viaTrustedProxy()).isFalse();
        assertThat(c.secureTransport()).as("the container's own view: plain http").isFalse();
        assertThat(c.clientCertificate()).isEmpty();
    }

    @Test
    void nginxStyleEscapedPemIsReadToo() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        RequestContext c = context("10.0.0.5", Map.of("Client-Cert", List.of(URLEncoder.encode(pem, StandardCharsets.UTF_8))));
        assertThat(c.clientCertificate()).contains(certificate());
        assertThat(ClientCertificates.fromHeader("garbage")).isEmpty();
        assertThat(ClientCertificates.fromHeader(":bm90IGEgY2VydA==:")).isEmpty();
    }

    @Test
    void theContainersTlsCertificateWinsAndNeedsNoProxy() throws Exception {
        X509Certificate cert = certificate();
        RequestContext c = new ServletRequestContext(TestRequests.request("198.51.100.9", Map.of(), null,
                Map.of(ServletRequestContext.CERTIFICATE_ATTRIBUTE, new X509Certificate[] {cert}), true), PROXIES, ISSUER);
        assertThat(c.clientCertificate()).contains(cert);
        assertThat(c.secureTransport()).isTrue();
    }

    @Test
    void issuerSchemeAndHostComeFromTheConfiguredIssuerNeverFromTheRequest() {
        RequestContext c = context("10.0.0.5", Map.of("Host", List.of("evil.example"), "X-Forwarded-Host", List.of("evil.example")));
        assertThat(c.issuerScheme()).isEqualTo("https");
        assertThat(c.issuerHost()).isEqualTo("sso.example.com:8443");
    }

    @Test
    void dpopHeaderIsRawAndCountedAndCookiesAndUserAgentAreRead() {
        RequestContext one = context("198.51.100.9", Map.of("DPoP", List.of("eyJ.proof.sig"), "User-Agent", List.of("Firefox")));
        assertThat(one.dpop()).contains("eyJ.proof.sig");
        assertThat(one.dpopHeaderCount()).isEqualTo(1);
        assertThat(one.userAgent()).isEqualTo("Firefox");
        RequestContext two = context("198.51.100.9", Map.of("DPoP", List.of("a", "b")));
        assertThat(two.dpop()).as("RFC 9449 §4.3: more than one is refused, so none is the proof").isEmpty();
        assertThat(two.dpopHeaderCount()).isEqualTo(2);

        RequestContext cookies = new ServletRequestContext(TestRequests.request("198.51.100.9", Map.of(),
                new Cookie[] {new Cookie("sid", ""), new Cookie("sid", "abc"), new Cookie("other", "x")}, Map.of(), false), PROXIES, ISSUER);
        assertThat(cookies.cookie("sid")).contains("abc");
        assertThat(cookies.cookie("missing")).isEmpty();
    }
}
