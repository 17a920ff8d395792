package dev.tessera.web.theme;

import dev.tessera.http.ErrorWriter;
import dev.tessera.oauth.OAuthError;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves the theme's assets at {@code /theme/HASH/NAME}. The hash is that of every asset's content, so a
 * URL's content never changes: one year of caching, {@code immutable} (RFC 8246). A file the stylesheet
 * refers to relatively ({@code url(font.woff2)}) resolves under the same hash. The sandboxing policy keeps an
 * SVG opened directly from running script on this origin.
 */
@WebServlet(name = "themeAssets", urlPatterns = "/theme/*")
public class ThemeAssets extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String CACHE = "public, max-age=31536000, immutable";
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; font-src 'self'; sandbox";

    @Inject
    transient Themes themes;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        int slash = path == null ? -1 : path.indexOf('/', 1);
        Optional<Theme.Asset> asset = slash < 0 ? Optional.empty()
                : themes.current().asset(path.substring(1, slash), path.substring(slash + 1));
        if (asset.isEmpty()) {
            ErrorWriter.write(response, OAuthError.NOT_FOUND, "No such theme file (an older theme's URL, or a file the theme does not have)");
            return;
        }
        response.setContentType(asset.get().contentType());
        response.setHeader("Cache-Control", CACHE);
        response.setHeader("Content-Security-Policy", CSP);
        response.setContentLength(asset.get().content().length);
        response.getOutputStream().write(asset.get().content());
    }
}
