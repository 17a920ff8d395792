package dev.tessera.oauth;

/** Grant type identifiers (RFC 6749 §4, RFC 8628 §3.4, RFC 8693 §2.1, RFC 7523 §2.1). */
public final class GrantTypes {
    public static final String AUTHORIZATION_CODE = "authorization_code";
    public static final String CLIENT_CREDENTIALS = "client_credentials";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String PASSWORD = "password";
    public static final String IMPLICIT = "implicit";
    public static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";
    public static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    public static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private GrantTypes() {
    }
}
