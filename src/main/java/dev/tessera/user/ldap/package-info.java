/**
 * People who live in an LDAP directory or Active Directory, signed in live and never imported: the
 * {@link dev.tessera.user.ldap.LdapUserStore} finds the entry with a pooled service connection, checks the
 * password by binding as the person on a connection of its own (RFC 4513 §5.1.3), honours Active Directory's
 * account states, and reads claims and nested groups. Filter values are escaped per RFC 4515 §3, and an empty
 * password never reaches a bind (RFC 4513 §5.1.2). See docs/ldap.md.
 */
package dev.tessera.user.ldap;
