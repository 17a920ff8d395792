package dev.tessera.admin;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;

/**
 * The provider Jakarta Security registered, answering requests outside {@code /admin/api} itself, exactly
 * as {@link AdminApiAuthenticationMechanism}'s {@code doNothing()} would: success, no caller, nothing
 * written. Admin requests reach Jakarta Security, and through it MicroProfile JWT, unchanged.
 * {@link AdminOnlyAuthentication} says why and installs it.
 */
final class AdminOnlyAuthConfigProvider implements AuthConfigProvider {
    private final AuthConfigProvider delegate;

    AdminOnlyAuthConfigProvider(AuthConfigProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler)
            throws AuthException {
        ServerAuthConfig config = delegate.getServerAuthConfig(layer, appContext, handler);
        return config == null ? null : new AdminOnlyConfig(config);
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

    /** Whether the request is one Jakarta Security must see. */
    static boolean isAdmin(MessageInfo message) {
        return message.getRequestMessage() instanceof HttpServletRequest request
                && AdminApiAuthenticationMechanism.isAdminApi(request);
    }

    private record AdminOnlyConfig(ServerAuthConfig config) implements ServerAuthConfig {
        @Override
        public ServerAuthContext getAuthContext(String id, Subject service, Map<String, Object> properties)
                throws AuthException {
            ServerAuthContext context = config.getAuthContext(id, service, properties);
            return context == null ? null : new AdminOnlyContext(context);
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

    /** Outside the admin API: what Jakarta Security answers for {@code doNothing()}, without running it. */
    record AdminOnlyContext(ServerAuthContext context) implements ServerAuthContext {
        @Override
        public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
            return isAdmin(message) ? context.validateRequest(message, client, service) : AuthStatus.SUCCESS;
        }

        @Override
        public AuthStatus secureResponse(MessageInfo message, Subject service) throws AuthException {
            return isAdmin(message) ? context.secureResponse(message, service) : AuthStatus.SEND_SUCCESS;
        }

        @Override
        public void cleanSubject(MessageInfo message, Subject subject) throws AuthException {
            context.cleanSubject(message, subject);
        }
    }
}
