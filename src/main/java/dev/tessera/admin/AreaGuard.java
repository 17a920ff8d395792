package dev.tessera.admin;

import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How the callers of one {@link GuardedArea} are recognised: a strategy of {@link TesseraAuthenticationMechanism},
 * answering as {@code HttpAuthenticationMechanism.validateRequest} does (a caller, a refusal already written, or
 * {@code doNothing}).
 */
public interface AreaGuard {

    AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException;
}
