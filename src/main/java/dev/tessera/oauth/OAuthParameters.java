package dev.tessera.oauth;

/**
 * Wire names of protocol parameters and JSON members, so no endpoint spells them on its own.
 * Grouped by the specification that defines them.
 */
public final class OAuthParameters {
    // RFC 6749 §5.2
    public static final String ERROR = "error";
    public static final String ERROR_DESCRIPTION = "error_description";
    public static final String ERROR_URI = "error_uri";

    // RFC 6749 §2.3.1, §4.4.2, §5.1
    public static final String GRANT_TYPE = "grant_type";
    public static final String CLIENT_ID = "client_id";
    public static final String CLIENT_SECRET = "client_secret";
    public static final String SCOPE = "scope";
    public static final String ACCESS_TOKEN = "access_token";
    public static final String TOKEN_TYPE = "token_type";
    public static final String EXPIRES_IN = "expires_in";
    public static final String REFRESH_TOKEN = "refresh_token";
    // RFC 7521 §4.2 / RFC 7523 §2.2
    public static final String CLIENT_ASSERTION = "client_assertion";
    public static final String CLIENT_ASSERTION_TYPE = "client_assertion_type";
    public static final String JWT_BEARER_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    // RFC 8707 §2
    public static final String RESOURCE = "resource";
    // RFC 8693 §2.1
    public static final String AUDIENCE = "audience";
    // RFC 6749 §4.3.2: the resource owner password credentials grant
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    // RFC 8693 §2.1, §2.2.1: token exchange
    public static final String SUBJECT_TOKEN = "subject_token";
    public static final String SUBJECT_TOKEN_TYPE = "subject_token_type";
    public static final String ACTOR_TOKEN = "actor_token";
    public static final String ACTOR_TOKEN_TYPE = "actor_token_type";
    public static final String REQUESTED_TOKEN_TYPE = "requested_token_type";
    public static final String ISSUED_TOKEN_TYPE = "issued_token_type";
    // RFC 7521 §4.1 / RFC 7523 §2.1: the assertion of an assertion grant
    public static final String ASSERTION = "assertion";
    // RFC 7009 §2.1, RFC 7662 §2.1
    public static final String TOKEN = "token";
    public static final String TOKEN_TYPE_HINT = "token_type_hint";

    /** RFC 6750: the only token type Tessera issues until DPoP arrives. */
    public static final String BEARER = "Bearer";

    private OAuthParameters() {
    }
}
