/**
 * People: the {@link dev.tessera.user.UserDirectory} in front of the user stores (the local JPA store
 * with Argon2id password hashes; LDAP in its own issue), login throttling and lockout, and the claims
 * each user carries (OpenID Connect Core §5.1).
 */
package dev.tessera.user;
