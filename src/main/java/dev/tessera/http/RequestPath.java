package dev.tessera.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * A request's path inside the application as the container mapped it: decoded, without the context path. Checks that
 * name endpoints read this, not the raw request URI, so {@code /tok%65n} cannot slip past a check that the JAX-RS
 * runtime would still route to {@code /token}. Path parameters ({@code ;x=1}), repeated slashes and trailing slashes
 * are dropped here as well, whether or not the container already did: Jersey and RESTEasy route {@code /token/} and
 * {@code /token;x=1} to {@code /token} too.
 */
final class RequestPath {
    private static final Pattern PATH_PARAMETERS = Pattern.compile(";[^/]*");
    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

    private RequestPath() {
    }

    static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return normalised(path);
    }

    static String normalised(String path) {
        String plain = path;
        if (plain.indexOf(';') >= 0) {
            plain = PATH_PARAMETERS.matcher(plain).replaceAll("");
        }
        if (plain.contains("//")) {
            plain = REPEATED_SLASHES.matcher(plain).replaceAll("/");
        }
        if (plain.length() > 1 && plain.endsWith("/")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        return plain;
    }
}
