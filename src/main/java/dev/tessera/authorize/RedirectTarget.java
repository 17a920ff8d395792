package dev.tessera.authorize;

/** Where and how an authorization response (success or error) goes once the client and its redirect URI are verified. */
public record RedirectTarget(String clientId, String redirectUri, String state, ResponseMode mode) {
}
