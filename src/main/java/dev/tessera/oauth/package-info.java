/**
 * The protocol vocabulary shared by every endpoint: the error codes of RFC 6749 §5.2, RFC 6750 §3.1
 * and OpenID Connect Core §3.1.2.6 with their one HTTP status ({@link dev.tessera.oauth.OAuthError}),
 * the exception handlers write them, and the wire names of parameters. Nothing here is an endpoint.
 */
package dev.tessera.oauth;
