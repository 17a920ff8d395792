package dev.tessera.http;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A request's path inside the application as the container mapped it: decoded and normalised, without the context
 * path or path parameters. Checks that name endpoints read this, not the raw request URI, so {@code /tok%65n} or
 * {@code /token;x=1} cannot slip past a check that Jersey would still route to {@code /token}.
 */
final class RequestPath {
    private RequestPath() {
    }

    static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        if (pathInfo == null) {
            return servletPath == null ? "" : servletPath;
        }
        return servletPath == null || servletPath.isEmpty() ? pathInfo : servletPath + pathInfo;
    }
}
