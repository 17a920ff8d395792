package dev.tessera.authorize;

/** Where and how an authorization response (success or error) goes once the redirect URI is verified. */
public record RedirectTarget(String redirectUri, String state, ResponseMode mode) {
}
