package dev.tessera.http;

import dev.tessera.config.Issuer;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The container's session cookie (it holds only the Faces view state of the sign-in, consent and device pages)
 * gets what Tessera's own cookies have: with an https issuer it is Secure and named {@code __Host-JSESSIONID}
 * (RFC 6265bis §4.1.3.2: Secure, Path=/, no Domain, so no subdomain and no plain-http page can plant or
 * overwrite it). HttpOnly comes from web.xml. SameSite=Lax twice over: the Servlet 6 cookie attribute, which
 * every server honours for JSESSIONID (WildFly reads nothing else), and glassfish-web.xml's {@code cookieSameSite},
 * which Payara also applies to its replication cookies (JSESSIONIDVERSION, JREPLICA). Set while the context
 * starts, the only time the Servlet specification allows it.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {
    static final String SESSION_COOKIE = "JSESSIONID";
    static final String SAME_SITE = "SameSite";
    static final String LAX = "Lax";

    @Inject
    Issuer issuer;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        apply(event.getServletContext().getSessionCookieConfig(), issuer);
    }

    static void apply(SessionCookieConfig config, Issuer issuer) {
        config.setHttpOnly(true);
        config.setPath("/");
        config.setAttribute(SAME_SITE, LAX);
        if (issuer.isHttps()) {
            config.setSecure(true);
            config.setName(issuer.cookieName(SESSION_COOKIE, "/"));
        }
    }
}
