/**
 * People: the {@link dev.tessera.user.UserDirectory} in front of the ordered
 * {@link dev.tessera.user.UserStore}s (the local JPA store with Argon2id password hashes, RFC 9106, in PHC
 * strings; LDAP in its own issue), login throttling and lockout per username and client address shared by
 * all nodes (NIST SP 800-63B §5.2.2), and the claims each user carries (OpenID Connect Core §5.1, with
 * subjects that are never reassigned, §2). User administration fires the events that end what was issued
 * to a person: password changed, disabled, deleted.
 */
package dev.tessera.user;
