package dev.tessera.oauth;

import java.util.Set;

/** The paths of Tessera's protocol endpoints, relative to the issuer. */
public final class Endpoints {
    public static final String WELL_KNOWN = "/.well-known";
    public static final String OPENID_CONFIGURATION_NAME = "openid-configuration";
    public static final String OAUTH_AUTHORIZATION_SERVER_NAME = "oauth-authorization-server";
    /** OpenID Connect Discovery 1.0 §4. */
    public static final String OPENID_CONFIGURATION = WELL_KNOWN + "/" + OPENID_CONFIGURATION_NAME;
    /** RFC 8414 §3. */
    public static final String OAUTH_AUTHORIZATION_SERVER = WELL_KNOWN + "/" + OAUTH_AUTHORIZATION_SERVER_NAME;
    public static final String JWKS = "/jwks";
    /** RFC 6749 §3.2. */
    public static final String TOKEN = "/token";
    /** RFC 7662 §2. */
    public static final String INTROSPECT = "/introspect";
    /** RFC 7009 §2. */
    public static final String REVOKE = "/revoke";
    /** RFC 8628 §3.1: where a device asks for a device code and a user code. */
    public static final String DEVICE_AUTHORIZATION = "/device_authorization";
    /**
     * RFC 8628 §3.2 verification_uri: short enough to type from a television screen; it forwards to the
     * verification page under /ui.
     */
    public static final String DEVICE_VERIFICATION = "/device";
    /** OpenID Connect Core §5.3. */
    public static final String USERINFO = "/userinfo";

    /**
     * Endpoints a browser-based client calls directly: CORS for the web origins of registered redirect
     * URIs only (RFC 9700 §2.6 allows CORS here; never on the authorization endpoint).
     */
    public static final Set<String> CLIENT_CORS = Set.of(TOKEN, REVOKE, USERINFO);
    /** RFC 7591 §3; the client configuration endpoint of RFC 7592 §2 is this path plus "/" + client_id. */
    public static final String REGISTER = "/register";

    /**
     * Endpoints any web origin may read (RFC 9700 §2.6: metadata and JWKS may allow CORS). The
     * authorization endpoint must never be among them.
     */
    public static final Set<String> PUBLIC_CORS = Set.of(OPENID_CONFIGURATION, OAUTH_AUTHORIZATION_SERVER, JWKS);

    private Endpoints() {
    }
}
