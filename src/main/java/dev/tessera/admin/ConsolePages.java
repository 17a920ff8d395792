package dev.tessera.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's paths under {@link GuardedArea#CONSOLE} are {@code /admin} (where a sign-in starts) and
 * {@code /admin/callback} (where it ends, {@link ConsoleSignIn}): both must answer a browser without any caller, so
 * this guard recognises nobody and refuses nothing ({@code doNothing}). The console's pages are Faces views under
 * {@code /ui/admin/} (the Faces servlet's prefix), and the operator's console session is checked there, by
 * {@link ConsoleGate}, on every request. What must never happen is a caller set here: the admin API's resources
 * admit only an {@link AdminCaller}.
 */
@ApplicationScoped
public class ConsolePages implements AreaGuard {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        return context.doNothing();
    }
}
