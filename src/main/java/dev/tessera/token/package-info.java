/**
 * The token endpoint (RFC 6749 §3.2, §5) with one {@link dev.tessera.token.GrantHandler} per grant in
 * {@code token/grant/}; access tokens as RFC 9068 JWTs or opaque references; introspection (RFC 7662,
 * RFC 9701 JWT responses) and revocation (RFC 7009).
 */
package dev.tessera.token;
