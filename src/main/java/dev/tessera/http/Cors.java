package dev.tessera.http;

import dev.tessera.oauth.Endpoints;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cross-origin access. The public, credential-free endpoints ({@link Endpoints#PUBLIC_CORS}) may be read
 * from any origin; the endpoints browser-based clients call ({@link Endpoints#CLIENT_CORS}) only from
 * the web origins of registered redirect URIs. No cookies either way. Every other path, the
 * authorization endpoint above all, gets no CORS header, so a browser refuses cross-origin reads.
 *
 * <p>A step of the filter every request crosses ({@code web/EveryRequestFilter}), before the steps whose refusals a
 * browser-based client must be able to read.
 */
@Dependent
public class Cors {
    private final BrowserOrigins clientOrigins;

    @Inject
    public Cors(BrowserOrigins clientOrigins) {
        this.clientOrigins = clientOrigins;
    }

    /** Adds the CORS headers the request earns; true when it was a preflight, now answered. */
    public boolean answeredPreflight(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String path = RequestPath.of(request);
        boolean publicRead = Endpoints.PUBLIC_CORS.contains(path);
        boolean clientCall = Endpoints.CLIENT_CORS.contains(path);
        if (!publicRead && !(clientCall && clientOrigins.isRegistered(origin))) {
            return false;
        }
        response.setHeader("Access-Control-Allow-Origin", publicRead ? "*" : origin);
        if (!publicRead) {
            response.addHeader("Vary", "Origin");
        }
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            response.setHeader("Access-Control-Allow-Methods", publicRead ? "GET" : "GET, POST");
            response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, DPoP");
            response.setHeader("Access-Control-Max-Age", "3600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
        return preflight;
    }
}
