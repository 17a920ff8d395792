/**
 * The admin REST API under {@code /admin/api}: clients (create, read, update, delete, list, new secret),
 * users (create, read, search, replace, delete, password, enable and disable), initial access tokens and
 * signing keys (list, rotate now). Callers present an RFC 6750 bearer access token issued by this server
 * with the scope {@code tessera:admin}; the bootstrap admin client makes the first one possible.
 *
 * <p>The application's one authentication mechanism lives here ({@code TesseraAuthenticationMechanism}): it
 * dispatches by path to the admin API's bearer tokens (RFC 6750 §2.1, refusals per §3 and §3.1; RFC 9068 §4,
 * the audience check) and to the admin console's session, and leaves every other request alone. Admin resources
 * see the caller as a MicroProfile JWT {@code JsonWebToken}. Jakarta Authentication's Servlet Container Profile
 * (§3.1 message layer, §3.2 application context identifier, §3.8 validateRequest on every request) is what
 * {@code AuthenticationConfinement} works with to keep Jakarta Security off every other endpoint.
 */
package dev.tessera.admin;
