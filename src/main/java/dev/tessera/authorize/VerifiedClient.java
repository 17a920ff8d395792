package dev.tessera.authorize;

import dev.tessera.client.Client;

/** The outcome of the first phase: a known client and a redirect URI it registered. */
public record VerifiedClient(Client client, String redirectUri, boolean redirectUriGiven, RedirectTarget target) {
}
