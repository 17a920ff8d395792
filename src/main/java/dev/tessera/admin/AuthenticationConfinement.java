package dev.tessera.admin;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;

/**
 * Keeps Jakarta Authentication to the paths {@link TesseraAuthenticationMechanism} answers for ({@code /admin}
 * and below, {@link GuardedArea}), with the standard {@code jakarta.security.auth.message.config} API only.
 *
 * <p>Why: with any authentication mechanism in the application, the Servlet Container Profile has the
 * container call the registered authentication module for every request, protected or not (§3.8). Jakarta
 * Security's bridge module (Soteria, on Payara as on WildFly) then builds a message context and finds the
 * mechanism through JNDI ({@code new InitialContext()} and a {@code NamingException} built per lookup) for
 * {@code validateRequest} and again for {@code secureResponse}, before the mechanism can answer
 * {@code doNothing()} to a token request: about a tenth of a token's CPU (docs/performance.md). Once the
 * container's initializers have registered that bridge, this listener registers in its place a provider that
 * wraps it and answers every other request itself, as {@code doNothing()} would: success, no caller, nothing
 * written. Requests under {@code /admin} reach Jakarta Security unchanged.
 */
@WebListener
public class AuthenticationConfinement implements ServletContextListener {
    /** Servlet Container Profile §3.1: the message layer of HTTP servlets. */
    static final String LAYER = "HttpServlet";

    private static final Logger LOG = Logger.getLogger(AuthenticationConfinement.class.getName());

    private static volatile boolean confined;

    private String registration;

    /** Whether Jakarta Authentication runs for {@code /admin} only in this deployment (readiness shows it). */
    public static boolean confined() {
        return confined;
    }

    /** §3.2: the application context identifier is the virtual host name, a blank, and the context path. */
    static String appContext(ServletContext context) {
        return context.getVirtualServerName() + " " + context.getContextPath();
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        String appContext = appContext(event.getServletContext());
        AuthConfigProvider registered = factory == null ? null : factory.getConfigProvider(LAYER, appContext, null);
        if (registered == null) {
            LOG.warning("No Jakarta Authentication provider registered for " + appContext
                    + ": nothing to confine to /admin, and no admin API caller can be recognised");
            return;
        }
        if (registered instanceof ConfinedProvider) {
            return;
        }
        registration = factory.registerConfigProvider(new ConfinedProvider(registered), LAYER, appContext,
                "Tessera: Jakarta Authentication for /admin only");
        confined = true;
        LOG.fine(() -> "Jakarta Authentication confined to /admin for " + appContext);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        if (registration != null && factory != null) {
            factory.removeRegistration(registration);
        }
        confined = false;
    }

    /** Whether the request is one the mechanism answers for, so Jakarta Security must see it. */
    static boolean guarded(MessageInfo message) {
        return message.getRequestMessage() instanceof HttpServletRequest request && GuardedArea.of(request) != GuardedArea.NONE;
    }

    /** The provider the container registered, its server side wrapped. */
    record ConfinedProvider(AuthConfigProvider delegate) implements AuthConfigProvider {
        @Override
        public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler)
                throws AuthException {
            ServerAuthConfig config = delegate.getServerAuthConfig(layer, appContext, handler);
            return config == null ? null : new ConfinedConfig(config);
        }

        @Override
        public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler)
                throws AuthException {
            return delegate.getClientAuthConfig(layer, appContext, handler);
        }

        @Override
        public void refresh() {
            delegate.refresh();
        }
    }

    private record ConfinedConfig(ServerAuthConfig config) implements ServerAuthConfig {
        @Override
        public ServerAuthContext getAuthContext(String id, Subject service, Map<String, Object> properties)
                throws AuthException {
            ServerAuthContext context = config.getAuthContext(id, service, properties);
            return context == null ? null : new ConfinedContext(context);
        }

        @Override
        public String getMessageLayer() {
            return config.getMessageLayer();
        }

        @Override
        public String getAppContext() {
            return config.getAppContext();
        }

        @Override
        public String getAuthContextID(MessageInfo message) {
            return config.getAuthContextID(message);
        }

        @Override
        public void refresh() {
            config.refresh();
        }

        @Override
        public boolean isProtected() {
            return config.isProtected();
        }
    }

    /** Outside {@code /admin}: what Jakarta Security answers for {@code doNothing()}, without running it. */
    record ConfinedContext(ServerAuthContext context) implements ServerAuthContext {
        @Override
        public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
            return guarded(message) ? context.validateRequest(message, client, service) : AuthStatus.SUCCESS;
        }

        @Override
        public AuthStatus secureResponse(MessageInfo message, Subject service) throws AuthException {
            return guarded(message) ? context.secureResponse(message, service) : AuthStatus.SEND_SUCCESS;
        }

        @Override
        public void cleanSubject(MessageInfo message, Subject subject) throws AuthException {
            context.cleanSubject(message, subject);
        }
    }
}
