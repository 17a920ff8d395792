/**
 * The admin REST API under {@code /admin/api}: clients (create, read, update, delete, list, new secret),
 * users (create, read, search, replace, delete, password, enable and disable), initial access tokens and
 * signing keys (list, rotate now). Callers present an RFC 6750 bearer access token issued by this server
 * with the scope {@code tessera:admin}; the bootstrap admin client makes the first one possible.
 */
package dev.tessera.admin;
