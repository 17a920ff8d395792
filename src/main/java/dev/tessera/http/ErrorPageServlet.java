package dev.tessera.http;

import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.RequestTooLargeException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page (web.xml {@code <error-page>}): whatever the servlet container rejects
 * or fails on by itself is answered in Tessera's JSON error shape, never as the container's HTML page
 * with a stack trace.
 */
@WebServlet(name = "errorPage", urlPatterns = "/_error")
public class ErrorPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (exception instanceof Throwable t) {
            if (hasCauseNamed(t, "jakarta.faces.application.ViewExpiredException")) {
                // Normally answered inside Faces (ExpiredViewExceptionHandler); this is the fallback.
                ExpiredPage.write(response);
                return;
            }
            if (hasCause(t, RequestTooLargeException.class)) {
                ErrorWriter.write(response, OAuthError.REQUEST_TOO_LARGE, "The request body is larger than this server accepts");
                return;
            }
            LOG.log(Level.SEVERE, "Unhandled error outside JAX-RS", t);
        }
        // Requested directly, this path is simply not an endpoint.
        int status = code instanceof Integer i ? i : 404;
        OAuthError error = OAuthError.forHttpStatus(status);
        ErrorWriter.write(response, error, status >= 500 ? "Internal error" : "The request was rejected: " + error.code());
    }

    private static boolean hasCauseNamed(Throwable t, String className) {
        int depth = 0;
        for (Throwable c = t; c != null && depth++ < 32; c = c.getCause()) {
            if (c.getClass().getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable c = t; c != null && depth++ < 32; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
