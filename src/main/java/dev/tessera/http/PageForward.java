package dev.tessera.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A JAX-RS answer that a Faces page renders: {@link PageForwardWriter} forwards the request to {@code view}
 * with {@code attributes} as request attributes, so endpoints below the pages' floor can answer a browser
 * with a themed page (the error page, the landing page) without depending on the pages.
 *
 * @param view       the page's path, e.g. {@code /ui/error.xhtml}
 * @param status     the HTTP status of the answer
 * @param attributes request attributes the page reads (names in {@link #ERROR_CODE} and the others)
 */
public record PageForward(String view, int status, Map<String, String> attributes) {
    public static final String ERROR_PAGE = "/ui/error.xhtml";
    public static final String ERROR_KIND = "tessera.page.error.kind";
    public static final String ERROR_CODE = "tessera.page.error.code";
    public static final String ERROR_DESCRIPTION = "tessera.page.error.description";
    public static final String ERROR_REFERENCE = "tessera.page.error.reference";
    private static final Logger LOG = Logger.getLogger(PageForward.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The error page for a browser: plain words for {@code kind} ({@code signin} or {@code signout}), the RFC
     * error code and description only in its details line, and a reference that is also logged here, so an
     * operator finds the case from what the person reads out.
     */
    public static Response error(String kind, String code, String description) {
        String reference = reference();
        LOG.info(() -> "Error page shown, reference " + reference + ": " + kind + " " + code + ": " + description);
        PageForward page = new PageForward(ERROR_PAGE, Response.Status.BAD_REQUEST.getStatusCode(),
                Map.of(ERROR_KIND, kind, ERROR_CODE, code, ERROR_DESCRIPTION, description, ERROR_REFERENCE, reference));
        return Response.status(page.status()).entity(page).type(MediaType.TEXT_HTML + ";charset=UTF-8")
                .header("Cache-Control", "no-store").build();
    }

    /** Eight characters a person can read out on the phone without confusion (no 0/O, 1/I/L). */
    static String reference() {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        StringBuilder s = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                s.append('-');
            }
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString().toUpperCase(Locale.ROOT);
    }
}
