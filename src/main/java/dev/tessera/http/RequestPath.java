package dev.tessera.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * A request's path inside the application as the container mapped it: decoded, without the context path, so a check
 * that names endpoints is not escaped by spelling one differently. Path parameters ({@code ;x=1}), repeated slashes
 * and a trailing slash are dropped as well, whether or not the container already did: on Payara, Jersey answers
 * {@code POST /token/} and {@code POST /token;x=1} as the token endpoint (measured 2026-12-07); {@code /tok%65n} and
 * {@code //token} it answers 404, and they are refused here all the same.
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
