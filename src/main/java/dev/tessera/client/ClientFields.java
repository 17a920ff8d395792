package dev.tessera.client;

/** JSON member names of client metadata: RFC 7591 §2, OpenID Connect Registration §2, then Tessera's own. */
public final class ClientFields {
    public static final String CLIENT_ID = "client_id";
    public static final String CLIENT_SECRET = "client_secret";
    public static final String CLIENT_ID_ISSUED_AT = "client_id_issued_at";
    public static final String CLIENT_SECRET_EXPIRES_AT = "client_secret_expires_at";
    public static final String REDIRECT_URIS = "redirect_uris";
    public static final String POST_LOGOUT_REDIRECT_URIS = "post_logout_redirect_uris";
    public static final String GRANT_TYPES = "grant_types";
    public static final String RESPONSE_TYPES = "response_types";
    public static final String TOKEN_ENDPOINT_AUTH_METHOD = "token_endpoint_auth_method";
    public static final String TOKEN_ENDPOINT_AUTH_SIGNING_ALG = "token_endpoint_auth_signing_alg";
    public static final String SCOPE = "scope";
    public static final String CLIENT_NAME = "client_name";
    public static final String LOGO_URI = "logo_uri";
    public static final String POLICY_URI = "policy_uri";
    public static final String TOS_URI = "tos_uri";
    public static final String CONTACTS = "contacts";
    public static final String JWKS = "jwks";
    public static final String JWKS_URI = "jwks_uri";
    public static final String ID_TOKEN_SIGNED_RESPONSE_ALG = "id_token_signed_response_alg";
    public static final String BACKCHANNEL_LOGOUT_URI = "backchannel_logout_uri";
    /** Back-Channel Logout 1.0 §2.2. */
    public static final String BACKCHANNEL_LOGOUT_SESSION_REQUIRED = "backchannel_logout_session_required";
    /** Front-Channel Logout 1.0 §2. */
    public static final String FRONTCHANNEL_LOGOUT_URI = "frontchannel_logout_uri";
    /** Front-Channel Logout 1.0 §2. */
    public static final String FRONTCHANNEL_LOGOUT_SESSION_REQUIRED = "frontchannel_logout_session_required";
    public static final String INITIATE_LOGIN_URI = "initiate_login_uri";
    /** OpenID Connect Registration §2: the acr values asked for when a request names none. */
    public static final String DEFAULT_ACR_VALUES = "default_acr_values";
    public static final String REGISTRATION_ACCESS_TOKEN = "registration_access_token";
    public static final String REGISTRATION_CLIENT_URI = "registration_client_uri";

    // Tessera's own settings.
    public static final String DEFAULT_SCOPE = "default_scope";
    public static final String ALLOWED_RESOURCES = "allowed_resources";
    public static final String ACCESS_TOKEN_FORMAT = "access_token_format";
    public static final String ACCESS_TOKEN_LIFETIME = "access_token_lifetime";
    public static final String ACCESS_TOKEN_SIGNING_ALG = "access_token_signing_alg";
    /** The same setting by the name Keycloak and other servers give it; read as an alias, never written. */
    public static final String ACCESS_TOKEN_SIGNED_RESPONSE_ALG = "access_token_signed_response_alg";
    public static final String REFRESH_TOKEN_LIFETIME = "refresh_token_lifetime";
    public static final String REFRESH_TOKEN_IDLE = "refresh_token_idle";
    public static final String REFRESH_TOKEN_REUSE_INTERVAL = "refresh_token_reuse_interval";
    public static final String REQUIRE_PKCE = "require_pkce";
    public static final String REQUIRE_CONSENT = "require_consent";
    public static final String ENABLED = "enabled";
    public static final String ALLOW_PLAIN_PKCE = "allow_plain_pkce";
    /** RFC 8693 token exchange policy: audiences and resources this client may exchange tokens for. */
    public static final String TOKEN_EXCHANGE_AUDIENCES = "token_exchange_audiences";
    /** RFC 8693 token exchange policy: whether an exchange may also issue a refresh token. */
    public static final String TOKEN_EXCHANGE_REFRESH_TOKENS = "token_exchange_refresh_tokens";
    /** Tessera: put the groups claim in this client's ID tokens whenever the groups scope is granted. */
    public static final String ID_TOKEN_GROUPS = "id_token_groups";
    /** Tessera: every sign-in for this client needs a second factor (urn:tessera:acr:mfa), whatever it asks. */
    public static final String REQUIRE_MFA = "require_mfa";

    private ClientFields() {
    }
}
