/**
 * Registered clients: the entity with one typed column per RFC 7591 §2 setting, metadata validation
 * (RFC 7591 §2, §3.2.2; RFC 8252 §7 for native redirect URIs), secrets hashed at rest, and client
 * authentication at the token, introspection and revocation endpoints: client_secret_basic and
 * client_secret_post (RFC 6749 §2.3.1), client_secret_jwt and private_key_jwt (RFC 7523 §2.2, §3;
 * OpenID Connect Core §9), and none for public clients.
 */
package dev.tessera.client;
