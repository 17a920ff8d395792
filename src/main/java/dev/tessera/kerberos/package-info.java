/**
 * Kerberos single sign-on through SPNEGO (docs/kerberos.md): RFC 4559 (the HTTP {@code Negotiate} scheme: a 401 with
 * {@code WWW-Authenticate: Negotiate}, the browser's {@code Authorization: Negotiate <token>}, §4 and §5), RFC 4178
 * (SPNEGO, mechanism OID 1.3.6.1.5.5.2) over the Kerberos V5 GSS-API mechanism (RFC 4121), and RFC 4120 §3.2.3 (the
 * replay and clock-skew checks of an AP-REQ). The JDK's JGSS is the acceptor, with the service's keytab. Negotiate is
 * offered only to the networks of {@code tessera.kerberos.networks}; the principal is mapped to a person by the user
 * stores ({@code dev.tessera.user.PrincipalSignIns}); the session's acr is {@code urn:tessera:acr:kerberos}.
 */
package dev.tessera.kerberos;
