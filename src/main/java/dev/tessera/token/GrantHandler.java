package dev.tessera.token;

/**
 * One grant type at the token endpoint. Each implementation is a CDI bean in {@code token/grant/},
 * found by {@link #grantType()}; it validates, consumes and issues, throwing
 * {@link dev.tessera.oauth.OAuthException} on failure and never building a response itself.
 */
public interface GrantHandler {
    /** The {@code grant_type} value this handler answers (RFC 6749 §4). */
    String grantType();

    TokenResponse handle(TokenRequest request);
}
