package dev.tessera.admin;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which guard, if any, a request meets: the one decision by path that {@link TesseraAuthenticationMechanism}
 * dispatches on and {@link AuthenticationConfinement} confines Jakarta Authentication to. The path is the
 * one inside the application as the container decoded and normalised it for its servlet mapping (servlet
 * path plus path info), not the raw request URI.
 */
public enum GuardedArea {
    /** {@value #API_PATH} and below: bearer tokens of this server with the admin scope ({@link AdminApiBearer}). */
    ADMIN_API,
    /** {@value #CONSOLE_PATH} and below, the API excepted: the admin console's pages ({@link ConsolePages}). */
    CONSOLE,
    /** Everything else (protocol endpoints, sign-in pages, files): no guard; each endpoint checks its own credentials. */
    NONE;

    static final String API_PATH = "/admin/api";
    static final String CONSOLE_PATH = "/admin";

    /** Runs for every request Jakarta Authentication sees: no allocation unless the path is under /admin. */
    public static GuardedArea of(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = pathInfo == null ? servletPath : servletPath.isEmpty() ? pathInfo : servletPath + pathInfo;
        if (!under(path, CONSOLE_PATH)) {
            return NONE;
        }
        return under(path, API_PATH) ? ADMIN_API : CONSOLE;
    }

    /** The prefix itself or a path below it: {@code /admin/apix} is not under {@code /admin/api}. */
    private static boolean under(String path, String prefix) {
        return path != null && path.startsWith(prefix)
                && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
