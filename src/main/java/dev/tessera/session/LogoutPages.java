package dev.tessera.session;

import dev.tessera.config.Issuer;
import dev.tessera.oauth.ErrorBody;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The answers of the logout endpoint: a redirect to the client, the signed-out page, or an error page. */
final class LogoutPages {
    private LogoutPages() {
    }

    static Response done(String redirect, String clearCookie, Issuer issuer) {
        URI target = URI.create(redirect != null ? redirect : issuer.endpoint(LogoutResource.PAGE + "?done=true"));
        return Response.seeOther(target).header("Set-Cookie", clearCookie).header("Cache-Control", "no-store").build();
    }

    static Response error(String description) {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sign-out error</title>"
                + "<link rel=\"stylesheet\" href=\"/static/tessera.css\"></head><body><main class=\"card\">"
                + "<h1>This sign-out request cannot be completed</h1><p id=\"error_description\">" + escape(ErrorBody.sanitize(description))
                + "</p></main></body></html>";
        return Response.status(Response.Status.BAD_REQUEST).entity(html).type("text/html;charset=UTF-8")
                .header("Cache-Control", "no-store").build();
    }

    static String query(String clientId, String redirect, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        if (clientId != null) {
            params.put("client_id", clientId);
        }
        if (redirect != null) {
            params.put("post_logout_redirect_uri", redirect);
        }
        if (state != null) {
            params.put("state", state);
        }
        return params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
