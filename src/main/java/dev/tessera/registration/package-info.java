/**
 * Dynamic client registration: {@code POST /register} (RFC 7591 §3, OpenID Connect Registration 1.0
 * §3), guarded by single- or multi-use initial access tokens unless open registration is configured,
 * and the client configuration endpoint {@code /register/{client_id}} (RFC 7592 §2: read, full
 * replacement, delete) guarded by the registration access token. Metadata goes through the same
 * {@link dev.tessera.client.ClientMetadataPolicy} as the admin API, but a registrant never sets
 * Tessera's operator settings (consent, resources, lifetimes, token format, reserved scopes).
 */
package dev.tessera.registration;
