package dev.tessera.http;

import dev.tessera.config.Issuer;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.Locale;

/**
 * Headers every response carries. HTML additionally may not be framed (RFC 9700 §4.16:
 * "authorization servers MUST prevent clickjacking", by X-Frame-Options and CSP frame-ancestors), and
 * HSTS is sent when the issuer is https. The HTML headers are decided when the content type is set,
 * since a filter cannot know it beforehand.
 *
 * <p>The second step of the filter every request crosses ({@code web/EveryRequestFilter}), so even the refusals of
 * the steps after it carry these headers.
 */
@Dependent
public class SecurityHeaders {
    static final String CSP_HTML = "default-src 'self'; img-src 'self' https: data:; style-src 'self'; "
            + "script-src 'self'; form-action 'self' https: http:; frame-ancestors 'none'; base-uri 'none'";
    /** The check_session iframe (Session Management 1.0 §4.2): a script and nothing else, framed by any page. */
    static final String CSP_FRAMEABLE = "default-src 'none'; script-src 'self'; frame-ancestors *; base-uri 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final Issuer issuer;

    @Inject
    public SecurityHeaders(Issuer issuer) {
        this.issuer = issuer;
    }

    /** Sets the common headers now; the answer returned adds the HTML ones when it declares itself HTML. */
    public HttpServletResponse applyTo(HttpServletRequest request, HttpServletResponse response) {
        setCommonHeaders(response, issuer);
        return new HtmlAware(request, response);
    }

    /** The headers of every response, also for those answered before any filter runs (authentication). */
    public static void setCommonHeaders(HttpServletResponse response, Issuer issuer) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (issuer.isHttps()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }

    /** The page's policy: the common one, with the exceptions a page declared through {@link PageFraming}. */
    static String contentSecurityPolicy(HttpServletRequest request) {
        if (request != null && request.getAttribute(PageFraming.FRAMEABLE) != null) {
            return CSP_FRAMEABLE;
        }
        Object frames = request == null ? null : request.getAttribute(PageFraming.FRAME_SOURCES);
        if (frames instanceof String origins && !origins.isBlank()) {
            return CSP_HTML + "; frame-src " + origins;
        }
        return CSP_HTML;
    }

    /** Adds the anti-framing headers as soon as the response declares itself HTML. */
    private static final class HtmlAware extends HttpServletResponseWrapper {
        private final HttpServletRequest request;

        HtmlAware(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(type);
            markIfHtml(type);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, value);
            if ("Content-Type".equalsIgnoreCase(name)) {
                markIfHtml(value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, value);
            if ("Content-Type".equalsIgnoreCase(name)) {
                markIfHtml(value);
            }
        }

        private void markIfHtml(String type) {
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
                if (request == null || request.getAttribute(PageFraming.FRAMEABLE) == null) {
                    super.setHeader("X-Frame-Options", "DENY");
                }
                super.setHeader("Content-Security-Policy", contentSecurityPolicy(request));
                // Pages carry per-request state (view state, the pending request id): never cache them.
                super.setHeader("Cache-Control", "no-store");
            }
        }
    }
}
