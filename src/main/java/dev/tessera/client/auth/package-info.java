/**
 * The client authentication methods, one bean each: {@code client_secret_basic} and {@code client_secret_post}
 * (RFC 6749 §2.3.1), {@code client_secret_jwt} and {@code private_key_jwt} (OpenID Connect Core §9, RFC 7523
 * §2.2), and {@code none} for public clients (RFC 7591 §2). RFC 8705's certificate methods belong here too.
 */
package dev.tessera.client.auth;
