package dev.tessera.http;

import dev.tessera.oauth.OAuthError;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the few static files pages use (stylesheet, the form_post script) from the WAR's
 * {@code /static} folder. The JAX-RS application owns every other path, so the container's default
 * servlet never answers; names are restricted to plain file names, so no path can escape the folder.
 */
@WebServlet(name = "staticFiles", urlPatterns = "/static/*")
public class StaticFiles extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Pattern NAME = Pattern.compile("/[a-z0-9-]+\\.(css|js)");
    private static final Map<String, String> TYPES = Map.of("css", "text/css;charset=UTF-8", "js", "text/javascript;charset=UTF-8");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo();
        InputStream file = name != null && NAME.matcher(name).matches()
                ? getServletContext().getResourceAsStream("/static" + name) : null;
        if (file == null) {
            ErrorWriter.write(response, OAuthError.NOT_FOUND, "No such file");
            return;
        }
        try (file) {
            response.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
            response.setHeader("Cache-Control", "public, max-age=3600");
            file.transferTo(response.getOutputStream());
        }
    }
}
