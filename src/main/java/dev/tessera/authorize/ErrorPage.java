package dev.tessera.authorize;

import dev.tessera.http.PageForward;
import jakarta.ws.rs.core.Response;

/**
 * The page shown when an authorization request cannot be answered to the client: unknown client,
 * unregistered redirect URI, an expired or foreign sign-in. It never redirects (RFC 9700 §4.11.2) and
 * carries no link back, so it cannot be abused as an open redirector. The themed error page says what
 * happened in plain words; the RFC error code and description are only in its details line.
 */
final class ErrorPage {
    static final String KIND = "signin";

    private ErrorPage() {
    }

    static Response response(AuthorizeException e) {
        return PageForward.error(KIND, e.error().code(), e.description());
    }
}
