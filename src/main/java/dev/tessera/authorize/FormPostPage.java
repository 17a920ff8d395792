package dev.tessera.authorize;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The form_post response mode (OAuth 2.0 Form Post Response Mode §2): an HTML form that posts the
 * parameters to the redirect URI. The submitting script is a static file ({@code /static/form-post.js}),
 * so the page keeps a CSP without inline scripts; without JavaScript the person presses the button.
 */
final class FormPostPage {
    private FormPostPage() {
    }

    static Response response(String redirectUri, Map<String, String> params) {
        StringBuilder html = new StringBuilder(512)
                .append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Continue</title>")
                .append("<script src=\"/static/form-post.js\" defer></script></head><body>")
                .append("<form id=\"response\" method=\"post\" action=\"").append(Html.escape(redirectUri)).append("\">");
        params.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"").append(Html.escape(name))
                .append("\" value=\"").append(Html.escape(value)).append("\">"));
        html.append("<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>");
        return Response.ok(html.toString(), "text/html;charset=UTF-8")
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
