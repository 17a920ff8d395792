package dev.tessera.admin;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * Keeps Jakarta Security's per-request work to the admin API, the one part of Tessera that uses it.
 *
 * <p>Jakarta Authentication's Servlet Container Profile has the container call the application's
 * authentication module on every request the servlet security model applies to, protected or not (§3.8).
 * Jakarta Security's bridge module then, on Payara, looks the mechanism up through JNDI and builds its
 * message context before {@link AdminApiAuthenticationMechanism} can answer "not mine" to a token request:
 * about a tenth of a token's CPU (docs/performance.md). Once the container's initializers have registered
 * that bridge, this listener replaces the registration with {@link AdminOnlyAuthConfigProvider} wrapping
 * it. Only the standard {@code jakarta.security.auth.message.config} API is used. With
 * {@code tessera.admin.mp-jwt=false} nothing is registered and there is nothing to wrap.
 */
@WebListener
public class AdminOnlyAuthentication implements ServletContextListener {
    /** Servlet Container Profile §3.1: the message layer of HTTP servlets. */
    static final String LAYER = "HttpServlet";

    private static final Logger LOG = Logger.getLogger(AdminOnlyAuthentication.class.getName());

    private static volatile boolean limited;

    private String registration;

    /** Whether Jakarta Security runs for the admin API only in this deployment (readiness shows it). */
    public static boolean limitedToAdminApi() {
        return limited;
    }

    /** §3.2: the virtual host name, a blank, and the context path. */
    static String appContext(ServletContext context) {
        return context.getVirtualServerName() + " " + context.getContextPath();
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        String appContext = appContext(event.getServletContext());
        AuthConfigProvider registered = factory == null ? null : factory.getConfigProvider(LAYER, appContext, null);
        if (registered == null || registered instanceof AdminOnlyAuthConfigProvider) {
            return;
        }
        registration = factory.registerConfigProvider(new AdminOnlyAuthConfigProvider(registered), LAYER,
                appContext, "Tessera: Jakarta Security for /admin/api only");
        limited = true;
        LOG.fine(() -> "Jakarta Security limited to the admin API of " + appContext);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        if (registration != null && factory != null) {
            factory.removeRegistration(registration);
        }
        limited = false;
    }
}
