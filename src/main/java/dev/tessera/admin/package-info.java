/**
 * The admin REST API under {@code /admin/api}: clients (create, read, update, delete, list, new secret),
 * users (create, read, search, replace, delete, password, enable and disable), initial access tokens and
 * signing keys (list, rotate now). Callers present an RFC 6750 bearer access token issued by this server
 * with the scope {@code tessera:admin}; the bootstrap admin client makes the first one possible.
 *
 * <p>MicroProfile JWT 2.1 verifies those tokens (§9 configuration: {@code mp.jwt.verify.issuer},
 * {@code mp.jwt.verify.audiences}, {@code mp.jwt.verify.publickey.location}), for this API only;
 * RFC 6750 §3 and §3.1 shape the refusals ({@code invalid_token} 401, {@code insufficient_scope} 403).
 * Jakarta Authentication's Servlet Container Profile (§3.1 message layer, §3.2 application context
 * identifier, §3.8 validateRequest on every request) is what {@code AdminOnlyAuthentication} works with to
 * keep Jakarta Security off every other endpoint.
 */
package dev.tessera.admin;
