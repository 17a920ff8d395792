package dev.tessera.http;

import dev.tessera.oauth.ErrorBody;
import dev.tessera.oauth.OAuthError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes the JSON error shape from servlet code that runs outside JAX-RS. */
public final class ErrorWriter {
    private ErrorWriter() {
    }

    public static void write(HttpServletResponse response, OAuthError error, String description) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(error.status());
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", ErrorBody.NO_STORE);
        response.setHeader("Pragma", "no-cache");
        response.getWriter().write(ErrorBody.json(error, description));
    }
}
