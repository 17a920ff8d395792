package dev.tessera.oauth;

/**
 * Every error code Tessera puts on the wire, each with the one HTTP status it is answered with.
 *
 * <p>The status is decided here and nowhere else, so two endpoints can never disagree about how
 * {@code invalid_client} or {@code invalid_token} is answered. The first group holds the codes of
 * RFC 6749 §5.2, RFC 6750 §3.1 and OpenID Connect Core §3.1.2.6; the last group holds transport
 * failures outside any protocol (unknown path, wrong method, oversized body), which still get the
 * same JSON shape instead of a container error page.
 */
public enum OAuthError {
    // RFC 6749 §5.2: "invalid_request ... The authorization server responds with an HTTP 400".
    INVALID_REQUEST("invalid_request", 400),
    // RFC 6749 §5.2: invalid_client "MAY return an HTTP 401"; 401 is the only status that lets the
    // client retry with other credentials, and it is answered with WWW-Authenticate when Basic was tried.
    INVALID_CLIENT("invalid_client", 401),
    INVALID_GRANT("invalid_grant", 400),
    UNAUTHORIZED_CLIENT("unauthorized_client", 400),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    INVALID_SCOPE("invalid_scope", 400),
    INVALID_TARGET("invalid_target", 400),
    // RFC 6749 §4.1.2.1 (by redirect) and RFC 8628 §3.5 (token endpoint, where RFC 6749 §5.2 says 400
    // "unless specified otherwise"; nothing specifies otherwise).
    ACCESS_DENIED("access_denied", 400),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type", 400),
    // RFC 7591 §3.2.2.
    INVALID_REDIRECT_URI("invalid_redirect_uri", 400),
    INVALID_CLIENT_METADATA("invalid_client_metadata", 400),
    // OpenID Connect Core §3.1.2.6: answered by redirect; as JSON they are 400.
    LOGIN_REQUIRED("login_required", 400),
    CONSENT_REQUIRED("consent_required", 400),
    INTERACTION_REQUIRED("interaction_required", 400),
    ACCOUNT_SELECTION_REQUIRED("account_selection_required", 400),
    // OpenID Connect Core Unmet Authentication Requirements 1.0 §2, registered in IANA's OAuth Extensions Error
    // registry: the essential acr (or a client's or the server's floor) cannot be met for this person.
    UNMET_AUTHENTICATION_REQUIREMENTS("unmet_authentication_requirements", 400),
    REQUEST_NOT_SUPPORTED("request_not_supported", 400),
    REQUEST_URI_NOT_SUPPORTED("request_uri_not_supported", 400),
    // RFC 8628 §3.5: the device authorization grant's answers while polling, "in addition to the error
    // codes defined in Section 5.2 of [RFC6749]", so 400 like them.
    AUTHORIZATION_PENDING("authorization_pending", 400),
    SLOW_DOWN("slow_down", 400),
    EXPIRED_TOKEN("expired_token", 400),
    // RFC 6750 §3.1.
    INVALID_TOKEN("invalid_token", 401),
    INSUFFICIENT_SCOPE("insufficient_scope", 403),
    // RFC 6749 §4.1.2.1 defines these for redirects; as JSON they are 5xx.
    SERVER_ERROR("server_error", 500),
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503),

    // Transport errors that no RFC names, answered in the same JSON shape.
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not_found", 404),
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    NOT_ACCEPTABLE("not_acceptable", 406),
    // The request contradicts what is stored (a username already taken): RFC 9110 §15.5.10.
    CONFLICT("conflict", 409),
    REQUEST_TOO_LARGE("request_too_large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    HEADERS_TOO_LARGE("request_header_fields_too_large", 431);

    private final String code;
    private final int status;

    OAuthError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The wire value of the {@code error} member. */
    public String code() {
        return code;
    }

    /** The HTTP status this error is always answered with. */
    public int status() {
        return status;
    }

    /**
     * The error a bare HTTP status stands for, used when the JAX-RS runtime or the servlet container
     * rejects a request before any Tessera code runs.
     */
    public static OAuthError forHttpStatus(int status) {
        return switch (status) {
            case 401 -> INVALID_TOKEN;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            // 501: a servlet of the container (static files, health, metrics) does not know the method
            // (PATCH, PROPFIND); for the client it is what JAX-RS answers for the same method: 405.
            case 405, 501 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> REQUEST_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> TEMPORARILY_UNAVAILABLE;
            default -> status >= 500 ? SERVER_ERROR : INVALID_REQUEST;
        };
    }
}
