/**
 * People who live in an LDAP directory or Active Directory, signed in live and never imported: the
 * {@link dev.tessera.user.ldap.LdapUserStore} finds the entry with a pooled service connection, checks the
 * password by binding as the person on a connection of its own (RFC 4513 §5.1.3), honours Active Directory's
 * account states, and reads claims and nested groups. Filter values are escaped per RFC 4515 §3, and an empty
 * password never reaches a bind (RFC 4513 §5.1.2). At scale: nested groups through a cluster-invalidated
 * group cache whose parent searches use the matched-values control (RFC 3876), memberOf read with the user,
 * a negative cache of unknown login names, and listings paged with the simple paged results control
 * (RFC 2696) behind cookies Tessera seals itself, with a time limit sent along (RFC 4511 §4.5.1.5). See
 * docs/ldap.md.
 */
package dev.tessera.user.ldap;
