package dev.tessera.authorize;

import dev.tessera.config.Issuer;
import dev.tessera.http.RequestContext;
import dev.tessera.oauth.AuthorizeParameters;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthParameters;
import dev.tessera.session.SessionStates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends authorization responses, successes and errors alike, to the verified redirect URI in the
 * request's response mode, always with {@code state} when given and with {@code iss} (RFC 9207 §2: the
 * server "MUST" include iss in every authorization response when it advertises
 * authorization_response_iss_parameter_supported), and with {@code session_state} (Session Management 1.0 §3) on
 * every success and on the errors that answer for the person's login state (§4.1: "Session state SHOULD be
 * returned upon an authentication failure"): what a relying party polling the check_session iframe gets back from
 * its {@code prompt=none} request. Errors about the request itself carry none.
 */
@ApplicationScoped
public class AuthorizationResponder {

    /** The errors that report the person's login state rather than a fault of the request. */
    static final Set<OAuthError> LOGIN_STATE_ERRORS = Set.of(OAuthError.LOGIN_REQUIRED, OAuthError.CONSENT_REQUIRED,
            OAuthError.INTERACTION_REQUIRED, OAuthError.ACCOUNT_SELECTION_REQUIRED, OAuthError.ACCESS_DENIED);

    @Inject
    Issuer issuer;

    @Inject
    SessionStates sessionStates;

    @Inject
    RequestContext http;

    public Response success(RedirectTarget target, Map<String, String> params) {
        return send(target, params, true);
    }

    public Response error(AuthorizeException e) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(OAuthParameters.ERROR, e.error().code());
        params.put(OAuthParameters.ERROR_DESCRIPTION, e.description());
        return send(e.target(), params, LOGIN_STATE_ERRORS.contains(e.error()));
    }

    private Response send(RedirectTarget target, Map<String, String> values, boolean withSessionState) {
        Map<String, String> params = new LinkedHashMap<>(values);
        if (target.state() != null) {
            params.put(AuthorizeParameters.STATE, target.state());
        }
        params.put(AuthorizeParameters.ISS, issuer.url());
        Optional<SessionStates.Issued> sessionState = withSessionState
                ? sessionStates.issue(target.clientId(), target.redirectUri(), http) : Optional.empty();
        sessionState.ifPresent(s -> params.put(AuthorizeParameters.SESSION_STATE, s.value()));
        Response response = respond(target, params);
        return sessionState.map(SessionStates.Issued::setCookie)
                .map(cookie -> Response.fromResponse(response).header("Set-Cookie", cookie).build()).orElse(response);
    }

    private static Response respond(RedirectTarget target, Map<String, String> params) {
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
