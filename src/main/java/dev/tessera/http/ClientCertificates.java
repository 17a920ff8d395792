package dev.tessera.http;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;

/**
 * A TLS client certificate that a TLS-terminating proxy passed on in a header, in either of the two forms
 * proxies write: RFC 9440 §2.2 {@code Client-Cert} (a structured-field byte sequence, {@code :base64 DER:})
 * or nginx's {@code $ssl_client_escaped_cert} (a URL-encoded PEM). Read only when the header came from a
 * trusted proxy (RFC 9440 §3: a proxy "MUST sanitize" the header; the origin trusts it from that proxy only).
 * A header that is not one certificate reads as none: certificate-bound methods then refuse the client.
 */
public final class ClientCertificates {
    private static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String PEM_END = "-----END CERTIFICATE-----";

    private ClientCertificates() {
    }

    public static Optional<X509Certificate> fromHeader(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            if (v.length() > 2 && v.startsWith(":") && v.endsWith(":")) {
                return parse(Base64.getDecoder().decode(v.substring(1, v.length() - 1)));
            }
            String pem = URLDecoder.decode(v, StandardCharsets.UTF_8);
            int begin = pem.indexOf(PEM_BEGIN);
            int end = pem.indexOf(PEM_END);
            if (begin < 0 || end < begin) {
                return Optional.empty();
            }
            String body = pem.substring(begin + PEM_BEGIN.length(), end).replaceAll("\\s", "");
            return parse(Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<X509Certificate> parse(byte[] der) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return Optional.of((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
