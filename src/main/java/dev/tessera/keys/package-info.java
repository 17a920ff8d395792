/**
 * Signing keys: one per enabled JWS algorithm (RFC 7518 §3, RFC 8037 for EdDSA), generated on first
 * start, encrypted at rest, rotated on a schedule through the states next, active, retired and removed
 * without a restart, and published as a JWK Set (RFC 7517 §5) at {@code /jwks}. Every node derives
 * the same active key from the shared database and the clock.
 */
package dev.tessera.keys;
