package dev.tessera.http;

import dev.tessera.oauth.Endpoints;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Cross-origin access. The public, credential-free endpoints ({@link Endpoints#PUBLIC_CORS}) may be read
 * from any origin; the endpoints browser-based clients call ({@link Endpoints#CLIENT_CORS}) only from
 * the web origins of registered redirect URIs. No cookies either way. Every other path, the
 * authorization endpoint above all, gets no CORS header, so a browser refuses cross-origin reads.
 *
 * <p>Declared in {@code web.xml}, which orders every filter (annotated filters have no specified order).
 */
public class CorsFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject
    transient BrowserOrigins clientOrigins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        String path = pathOf(request);
        boolean publicRead = Endpoints.PUBLIC_CORS.contains(path);
        boolean clientCall = Endpoints.CLIENT_CORS.contains(path);
        if (!publicRead && !(clientCall && clientOrigins.isRegistered(origin))) {
            chain.doFilter(request, response);
            return;
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
            return;
        }
        chain.doFilter(request, response);
    }

    static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
