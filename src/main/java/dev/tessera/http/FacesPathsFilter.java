package dev.tessera.http;

import dev.tessera.oauth.OAuthError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Lets only what names a page reach the Faces servlet.
 *
 * <p>The Faces servlet is mapped by prefix ({@code /ui/*}), so the container hands it every path under that
 * prefix. For one that names no view ({@code /ui}, {@code /ui/x.css}) Mojarra does not answer 404: it throws,
 * which was a 500 and a stack trace in the log for any such request. Such paths are answered here, with the
 * JSON 404 every other unknown path gets. A path ending in {@code .xhtml} goes on (a missing page is Faces'
 * own 404), as do Faces' resource requests.
 *
 * <p>Declared in {@code web.xml}, which orders every filter (annotated filters have no specified order).
 */
public class FacesPathsFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final String VIEW_SUFFIX = ".xhtml";
    static final String RESOURCES = "/jakarta.faces.resource/";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (namesAView(request.getPathInfo())) {
            chain.doFilter(request, response);
            return;
        }
        ErrorWriter.write(response, OAuthError.NOT_FOUND, "No page at this path");
    }

    static boolean namesAView(String pathInfo) {
        return pathInfo != null && (pathInfo.endsWith(VIEW_SUFFIX) || pathInfo.startsWith(RESOURCES));
    }
}
