/**
 * The userinfo endpoint (OpenID Connect Core §5.3): a bearer access token (RFC 6750 §2) in, the claims its
 * scope and its {@code claims} request allow out (selected by {@code claims/}).
 */
package dev.tessera.userinfo;
