package dev.tessera.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The admin console's pages ({@link GuardedArea#CONSOLE}): their callers will be operators signed in through
 * Tessera's own OpenID Connect and recognised by the console's session, which the console issue adds here.
 * Until then there is no console page and no console session, so this guard recognises nobody and refuses
 * nothing: the request goes on without a caller ({@code doNothing}) and, there being nothing to serve under
 * {@code /admin} but the API, ends in the JSON 404. What must never happen meanwhile is a caller set here.
 */
@ApplicationScoped
public class ConsolePages implements AreaGuard {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        return context.doNothing();
    }
}
