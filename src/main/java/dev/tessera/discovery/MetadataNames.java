package dev.tessera.discovery;

/** Member names of RFC 8414 §2 and OpenID Connect Discovery 1.0 §3 metadata. */
public final class MetadataNames {
    public static final String ISSUER = "issuer";
    public static final String JWKS_URI = "jwks_uri";
    public static final String SUBJECT_TYPES_SUPPORTED = "subject_types_supported";
    public static final String TOKEN_ENDPOINT = "token_endpoint";
    public static final String GRANT_TYPES_SUPPORTED = "grant_types_supported";
    public static final String SCOPES_SUPPORTED = "scopes_supported";
    public static final String TOKEN_ENDPOINT_AUTH_METHODS_SUPPORTED = "token_endpoint_auth_methods_supported";
    public static final String TOKEN_ENDPOINT_AUTH_SIGNING_ALG_VALUES_SUPPORTED = "token_endpoint_auth_signing_alg_values_supported";
    public static final String INTROSPECTION_ENDPOINT = "introspection_endpoint";
    public static final String INTROSPECTION_ENDPOINT_AUTH_METHODS_SUPPORTED = "introspection_endpoint_auth_methods_supported";
    public static final String INTROSPECTION_ENDPOINT_AUTH_SIGNING_ALG_VALUES_SUPPORTED = "introspection_endpoint_auth_signing_alg_values_supported";
    /** RFC 9701 §7. */
    public static final String INTROSPECTION_SIGNING_ALG_VALUES_SUPPORTED = "introspection_signing_alg_values_supported";
    public static final String REVOCATION_ENDPOINT = "revocation_endpoint";
    public static final String REVOCATION_ENDPOINT_AUTH_METHODS_SUPPORTED = "revocation_endpoint_auth_methods_supported";
    public static final String REVOCATION_ENDPOINT_AUTH_SIGNING_ALG_VALUES_SUPPORTED = "revocation_endpoint_auth_signing_alg_values_supported";
    public static final String REGISTRATION_ENDPOINT = "registration_endpoint";
    /** RFC 8628 §4. */
    public static final String DEVICE_AUTHORIZATION_ENDPOINT = "device_authorization_endpoint";

    /** OpenID Connect RP-Initiated Logout 1.0 §2.1. */
    public static final String END_SESSION_ENDPOINT = "end_session_endpoint";
    /** OpenID Connect Back-Channel Logout 1.0 §2.1. */
    public static final String BACKCHANNEL_LOGOUT_SUPPORTED = "backchannel_logout_supported";
    public static final String BACKCHANNEL_LOGOUT_SESSION_SUPPORTED = "backchannel_logout_session_supported";
    /** Front-Channel Logout 1.0 §3. */
    public static final String FRONTCHANNEL_LOGOUT_SUPPORTED = "frontchannel_logout_supported";
    public static final String FRONTCHANNEL_LOGOUT_SESSION_SUPPORTED = "frontchannel_logout_session_supported";
    /** Session Management 1.0 §3.3. */
    public static final String CHECK_SESSION_IFRAME = "check_session_iframe";

    private MetadataNames() {
    }
}
