package dev.tessera.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The answer to a page posted back with a view state the server does not hold: the view expired, or the
 * post was forged across sites without one (CSRF). A 400 and a page that says what to do, nothing else.
 */
public final class ExpiredPage {
    private static final String HTML = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Page expired</title>"
            + "<link rel=\"stylesheet\" href=\"/static/tessera.css\"></head><body><main class=\"card\">"
            + "<h1 id=\"expired\">This page has expired</h1><p>Return to the application and sign in again.</p>"
            + "</main></body></html>";

    private ExpiredPage() {
    }

    public static void write(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(HTML);
    }
}
