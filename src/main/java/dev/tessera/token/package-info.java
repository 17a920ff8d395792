/**
 * The token endpoint (RFC 6749 §3.2, §5) and what every grant shares: the {@link dev.tessera.token.GrantHandler}
 * registry, scope (§3.3) and audience (RFC 8707 §2) rules, the tokens of a user's grant, access tokens as
 * RFC 9068 JWTs or opaque references, ID tokens (OpenID Connect Core §2, §3.1.3.6), refresh tokens with
 * rotation and reuse detection (RFC 9700 §4.14.2) and their grant (RFC 6749 §6), introspection (RFC 7662,
 * RFC 9701 JWT responses) and revocation (RFC 7009). Grants that redeem an artifact sit next to it
 * ({@code authorize/}, {@code device/}); the others are in {@code token/grant/}. What the one-time artifacts
 * share is here: their mapping ({@link dev.tessera.token.OneTimeArtifact}), the atomic consume
 * ({@link dev.tessera.token.OneTimeArtifacts}), and issuing for a first redemption and revoking on a replay
 * (RFC 6749 §4.1.2; {@link dev.tessera.token.ArtifactGrants}); a grant travels as one
 * {@link dev.tessera.token.UserGrant}.
 */
package dev.tessera.token;
