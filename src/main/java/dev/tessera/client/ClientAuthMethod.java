package dev.tessera.client;

/**
 * The wire names of the client authentication methods Tessera ships ({@code token_endpoint_auth_method},
 * RFC 7591 §2, OpenID Connect Core §9). Each is checked by one {@link ClientAuthentication} bean; a method
 * added later (RFC 8705 {@code tls_client_auth}) is one more bean, and its name one more constant here.
 */
public final class ClientAuthMethod {
    public static final String CLIENT_SECRET_BASIC = "client_secret_basic";
    public static final String CLIENT_SECRET_POST = "client_secret_post";
    public static final String CLIENT_SECRET_JWT = "client_secret_jwt";
    public static final String PRIVATE_KEY_JWT = "private_key_jwt";
    /** RFC 7591 §2: "The client is a public client ... and does not have a client secret." */
    public static final String NONE = "none";

    private ClientAuthMethod() {
    }
}
