package dev.tessera.authorize;

import dev.tessera.config.Issuer;
import dev.tessera.oauth.AuthorizeParameters;
import dev.tessera.oauth.OAuthParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends authorization responses, successes and errors alike, to the verified redirect URI in the
 * request's response mode, always with {@code state} when given and with {@code iss} (RFC 9207 §2: the
 * server "MUST" include iss in every authorization response when it advertises
 * authorization_response_iss_parameter_supported).
 */
@ApplicationScoped
public class AuthorizationResponder {

    @Inject
    Issuer issuer;

    public Response success(RedirectTarget target, Map<String, String> params) {
        return send(target, params);
    }

    public Response error(AuthorizeException e) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(OAuthParameters.ERROR, e.error().code());
        params.put(OAuthParameters.ERROR_DESCRIPTION, e.description());
        return send(e.target(), params);
    }

    private Response send(RedirectTarget target, Map<String, String> values) {
        Map<String, String> params = new LinkedHashMap<>(values);
        if (target.state() != null) {
            params.put(AuthorizeParameters.STATE, target.state());
        }
        params.put(AuthorizeParameters.ISS, issuer.url());
        return switch (target.mode()) {
            case FORM_POST -> FormPostPage.response(target.redirectUri(), params);
            case FRAGMENT -> redirect(target.redirectUri() + "#" + encode(params));
            case QUERY -> redirect(target.redirectUri() + (target.redirectUri().contains("?") ? "&" : "?") + encode(params));
        };
    }

    private static Response redirect(String location) {
        // RFC 9700 §4.12: never 307, which would replay a POSTed form (with credentials) to the client.
        return Response.status(Response.Status.FOUND).location(URI.create(location))
                .header("Cache-Control", "no-store").build();
    }

    static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
