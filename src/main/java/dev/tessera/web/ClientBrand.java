package dev.tessera.web;

/**
 * A client's own branding on the login and consent pages, from its registered metadata (RFC 7591 §2
 * {@code client_name}, {@code logo_uri}): shown with any theme, in the template's {@code t-client} block.
 *
 * @param name    the client's name, or its id
 * @param logoUri an https logo, or null
 */
public record ClientBrand(String name, String logoUri) {
}
