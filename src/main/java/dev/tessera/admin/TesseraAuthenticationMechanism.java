package dev.tessera.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The application's one Jakarta Security authentication mechanism. Jakarta Security (EE 10) installs a
 * single {@code HttpAuthenticationMechanism} per application, and Tessera has two kinds of caller, so this one
 * dispatches by path ({@link GuardedArea}): the admin API's bearer tokens ({@link AdminApiBearer}), the admin
 * console's session ({@link ConsolePages}), and, for every other request, nothing at all: {@code doNothing()}
 * before any other work. Protocol endpoints check their own credentials (client authentication, their
 * own bearer tokens) and must see requests exactly as sent; with {@link AuthenticationConfinement} in place
 * (readiness says whether it is) those requests do not even get here.
 */
@ApplicationScoped
public class TesseraAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    AdminApiBearer adminApi;

    @Inject
    ConsolePages console;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        return switch (GuardedArea.of(request)) {
            case ADMIN_API -> adminApi.validateRequest(request, response, context);
            case CONSOLE -> console.validateRequest(request, response, context);
            case NONE -> context.doNothing();
        };
    }
}
