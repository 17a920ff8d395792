package dev.tessera.authorize;

import jakarta.ws.rs.core.Response;

/**
 * The page shown when an authorization request cannot be answered to the client: unknown client,
 * unregistered redirect URI, an expired or foreign sign-in. It never redirects (RFC 9700 §4.11.2) and
 * carries no link back, so it cannot be abused as an open redirector.
 */
final class ErrorPage {
    private ErrorPage() {
    }

    static Response response(AuthorizeException e) {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sign-in error</title>"
                + "<link rel=\"stylesheet\" href=\"/static/tessera.css\"></head><body><main class=\"card\">"
                + "<h1>This sign-in request cannot be completed</h1>"
                + "<p id=\"error\">" + Html.escape(e.error().code()) + "</p>"
                + "<p id=\"error_description\">" + Html.escape(e.description()) + "</p>"
                + "<p>Return to the application you came from and start again.</p></main></body></html>";
        return Response.status(Response.Status.BAD_REQUEST).entity(html).type("text/html;charset=UTF-8")
                .header("Cache-Control", "no-store").build();
    }
}
