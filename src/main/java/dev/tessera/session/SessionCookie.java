package dev.tessera.session;

import dev.tessera.config.Issuer;
import dev.tessera.http.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * The SSO cookie: HttpOnly, SameSite=Lax, Path=/; with an https issuer also Secure and named with the
 * {@code __Host-} prefix, which browsers accept only when Secure, host-only and Path=/ (RFC 6265bis
 * §4.1.3.2), so no subdomain can plant or overwrite it. A session cookie unless "remember me" was chosen.
 */
@ApplicationScoped
public class SessionCookie {
    static final String PLAIN_NAME = "tessera_sso";
    static final String HOST_NAME = "__Host-tessera_sso";

    @Inject
    Issuer issuer;

    public String name() {
        return issuer.isHttps() ? HOST_NAME : PLAIN_NAME;
    }

    public Optional<String> read(RequestContext request) {
        return request.cookie(name());
    }

    /** The Set-Cookie header value; {@code maxAge} null for a cookie that ends with the browser session. */
    public String header(String value, Duration maxAge) {
        StringBuilder cookie = new StringBuilder(name()).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=Lax");
        if (issuer.isHttps()) {
            cookie.append("; Secure");
        }
        if (maxAge != null) {
            cookie.append("; Max-Age=").append(Math.max(0, maxAge.toSeconds()));
        }
        return cookie.toString();
    }

    public String clearing() {
        return header("", Duration.ZERO);
    }
}
