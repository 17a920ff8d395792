package dev.tessera.session;

import dev.tessera.config.Issuer;
import dev.tessera.http.PageForward;
import dev.tessera.oauth.ErrorBody;
import dev.tessera.oauth.OAuthError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The answers of the logout endpoint: a redirect to the client, the signed-out page, or an error page. */
final class LogoutPages {
    static final String KIND = "signout";
    private LogoutPages() {
    }

    static Response done(String redirect, String clearCookie, Issuer issuer) {
        URI target = URI.create(redirect != null ? redirect : issuer.endpoint(LogoutResource.PAGE + "?done=true"));
        return Response.seeOther(target).header("Set-Cookie", clearCookie).header("Cache-Control", "no-store").build();
    }

    /** The signed-out page with the front-channel logout iframes, rendered in this response (no redirect). */
    static Response frames(Map<String, String> attributes, String clearCookie) {
        PageForward page = new PageForward(LogoutResource.PAGE, Response.Status.OK.getStatusCode(), attributes);
        return Response.ok(page, MediaType.TEXT_HTML + ";charset=UTF-8").header("Set-Cookie", clearCookie)
                .header("Cache-Control", "no-store").build();
    }

    /** The themed error page (plain words; the RFC code and the description in its details line). */
    static Response error(String description) {
        return PageForward.error(KIND, OAuthError.INVALID_REQUEST.code(), ErrorBody.sanitize(description));
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

}
